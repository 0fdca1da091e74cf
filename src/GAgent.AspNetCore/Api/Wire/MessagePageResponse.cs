namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A page of messages, oldest first; pass <see cref="FirstIndex"/> as <c>?before=</c> for older ones.</summary>
internal sealed record MessagePageResponse(IReadOnlyList<MessageResponse> Items, long FirstIndex, long TotalCount, bool HasMore);
