namespace GAgent.Samples.CustomChannel.Wire;

/// <summary>The body POSTed to the callback URL for each reply part.</summary>
internal sealed record OutboundWebhookPayload(string ConversationId, string Text, string? ReplyTo, string? RunId, int Part, int Parts, bool Final);
