namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A target: <c>{"sessionId"}</c> or <c>{"channel","chatId"}</c>.</summary>
internal sealed class RoutineTargetRequest
{
    public string? SessionId { get; set; }

    public string? Channel { get; set; }

    public string? ChatId { get; set; }
}
