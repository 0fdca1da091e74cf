using GAgent.AspNetCore.Http;
using GAgent.Media;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Turns the media ids a client attaches to a message into references for the session: every id must be an
/// uploaded file, and the count is capped. Shared by the control API and the WebSocket so both accept the same input.
/// </summary>
internal static class MessageAttachments
{
    /// <summary>The user message's contents (the text, then one reference per attachment), or the error to answer.</summary>
    public static async ValueTask<(List<AIContent>? Contents, ErrorInfo? Error)> BuildAsync(string text, IReadOnlyList<string>? attachments, IMediaStore media, int maxParts, CancellationToken cancellationToken)
    {
        List<AIContent> contents = [new TextContent(text)];
        if (attachments is not { Count: > 0 })
        {
            return (contents, null);
        }

        if (attachments.Count > maxParts)
        {
            return (null, new ErrorInfo(413, $"{attachments.Count} attachments; at most {maxParts} are accepted (GAgent:Limits:MaxContentParts).", "request_too_large", "attachments"));
        }

        if (attachments.FirstOrDefault(static a => !MediaIds.IsValid(a)) is { } malformed)
        {
            return (null, new ErrorInfo(400, $"Attachment '{malformed}' is not a media id: upload the file with POST /api/media and send the id it returns.", "invalid_request", "attachments"));
        }

        var found = await media.GetManyAsync(attachments, cancellationToken).ConfigureAwait(false);
        if (attachments.FirstOrDefault(a => !found.Any(f => f.Id == a)) is { } unknown)
        {
            return (null, new ErrorInfo(400, $"Attachment '{unknown}' is not an uploaded media id: upload the file with POST /api/media and send the id it returns.", "invalid_request", "attachments"));
        }

        // The session keeps a reference, not the bytes; the agent loop resolves it when it builds the model's context.
        contents.AddRange(found.Select(static f => new UriContent(MediaReferences.ToUri(f.Id), f.MediaType)));
        return (contents, null);
    }
}
