using Microsoft.Extensions.AI;

namespace GAgent.Media;

/// <summary>What <see cref="MediaAttachmentCheck"/> found: the references, or the problem and the id it is about.</summary>
internal readonly record struct MediaAttachmentResult(List<AIContent>? References, MediaAttachmentProblem Problem = MediaAttachmentProblem.None, string? Id = null);
