using System.Text.Json;
using GAgent.AspNetCore.Api.Wire;
using GAgent.Media;
using GAgent.Runs;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Api;

/// <summary>Turns runtime records into control API wire shapes.</summary>
internal static class ApiMapper
{
    public static SessionResponse ToWire(SessionInfo session, string? activeRunId)
        => new(session.Id, session.Title, session.CreatedAt, session.UpdatedAt, session.Pinned, session.MessageCount, session.ProfileId, activeRunId);

    public static RunResponse ToWire(IAgentRun run) => new(
        run.Id,
        run.SessionId,
        run.Status.ToString().ToLowerInvariant(),
        run.ModelId,
        run.CreatedAt,
        run.CompletedAt,
        run.LastSequence,
        ToWire(run.Usage)!,
        run.FinishReason?.Value,
        run.ErrorMessage,
        run.ProfileId);

    public static UsageResponse? ToWire(UsageDetails? usage) => usage is null ? null : new(
        usage.InputTokenCount ?? 0,
        usage.OutputTokenCount ?? 0,
        usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0));

    public static MessageResponse ToWire(StoredMessage message, long index, Func<string, string>? mediaUrl = null) => new(
        message.Id,
        index,
        message.Role.Value,
        message.Timestamp,
        message.Text,
        [.. message.Contents.Select(c => ToPart(c, mediaUrl)).OfType<MessagePart>()],
        message.RunId,
        message.ModelId,
        ToWire(message.Usage),
        message.AuthorName);

    private static MessagePart? ToPart(AIContent content, Func<string, string>? mediaUrl) => content switch
    {
        TextReasoningContent reasoning => new MessagePart("reasoning") { Text = reasoning.Text },
        TextContent text => new MessagePart("text") { Text = text.Text },
        FunctionCallContent call => new MessagePart("tool_call")
        {
            ToolCallId = call.CallId,
            Name = call.Name,
            Arguments = JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))),
        },
        FunctionResultContent result => new MessagePart("tool_result")
        {
            ToolCallId = result.CallId,
            Result = ToolInvoker.Serialize(result.Result),
            IsError = result.Exception is not null ? true : null,
        },
        DataContent data => new MessagePart(data.HasTopLevelMediaType("image") ? "image" : "file") { MediaType = data.MediaType, Url = data.Uri },
        UriContent uri when mediaUrl is not null && MediaReferences.TryGetId(uri.Uri, out var mediaId) => new MessagePart(uri.HasTopLevelMediaType("image") ? "image" : "file") { MediaType = uri.MediaType, Url = mediaUrl(mediaId), MediaId = mediaId },
        UriContent uri => new MessagePart(uri.HasTopLevelMediaType("image") ? "image" : "file") { MediaType = uri.MediaType, Url = uri.Uri.ToString() },
        _ => null,
    };
}
