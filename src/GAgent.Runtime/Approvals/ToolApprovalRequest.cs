using Microsoft.Extensions.AI;

namespace GAgent.Approvals;

/// <summary>What a <see cref="IToolApprovalPolicy"/> decides on: the tool, the session and its profile.</summary>
internal sealed record ToolApprovalRequest(AIFunction Tool, string SessionId, string? ProfileId);
