namespace GAgent.Routines;

/// <summary>A target on the wire: <c>{"sessionId"}</c> or <c>{"channel","chatId","sessionId"}</c> (the conversation's session).</summary>
internal sealed record RoutineTargetView(string? SessionId, string? Channel, string? ChatId);
