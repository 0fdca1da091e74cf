using Microsoft.Extensions.AI;

namespace GAgent.Media;

/// <summary>
/// The checks every way into a session applies to the media ids attached to a user message (the control API, the
/// WebSocket, channels): at most a given number, each a well-formed id of a file in the media store. On success the
/// message gets one reference per id (the session keeps references, not bytes; the agent loop resolves them when it
/// builds the model's context). Each caller words the failure for its own surface.
/// </summary>
internal static class MediaAttachmentCheck
{
    public static async ValueTask<MediaAttachmentResult> ResolveAsync(IReadOnlyList<string> ids, IMediaStore media, int maxCount, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new MediaAttachmentResult([]);
        }

        if (ids.Count > maxCount)
        {
            return new MediaAttachmentResult(null, MediaAttachmentProblem.TooMany);
        }

        if (ids.FirstOrDefault(static id => !MediaIds.IsValid(id)) is { } malformed)
        {
            return new MediaAttachmentResult(null, MediaAttachmentProblem.Malformed, malformed);
        }

        var found = await media.GetManyAsync(ids, cancellationToken).ConfigureAwait(false);
        if (ids.FirstOrDefault(id => !found.Any(f => f.Id == id)) is { } unknown)
        {
            return new MediaAttachmentResult(null, MediaAttachmentProblem.Unknown, unknown);
        }

        return new MediaAttachmentResult([.. found.Select(static f => new UriContent(MediaReferences.ToUri(f.Id), f.MediaType))]);
    }
}
