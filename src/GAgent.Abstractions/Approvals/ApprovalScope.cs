namespace GAgent.Approvals;

/// <summary>How far an approval reaches beyond the call it was asked for.</summary>
public enum ApprovalScope
{
    /// <summary>This call only.</summary>
    Once,

    /// <summary>This call, and every later call of the same tool in the same session (a standing grant).</summary>
    Session,

    /// <summary>This call, and every later call of the same tool everywhere (or in the same profile, when the session has one).</summary>
    Always,
}
