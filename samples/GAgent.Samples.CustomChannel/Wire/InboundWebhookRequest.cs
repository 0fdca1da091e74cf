namespace GAgent.Samples.CustomChannel.Wire;

/// <summary>The body of <c>POST /webhook/inbound</c>.</summary>
internal sealed record InboundWebhookRequest(string? SenderId, string? SenderName, string? ConversationId, string? Text, string? MessageId);
