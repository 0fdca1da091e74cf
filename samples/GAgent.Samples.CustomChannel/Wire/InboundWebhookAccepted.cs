namespace GAgent.Samples.CustomChannel.Wire;

/// <summary>The 202 answer: where the reply's run lives.</summary>
internal sealed record InboundWebhookAccepted(string SessionId, string RunId);
