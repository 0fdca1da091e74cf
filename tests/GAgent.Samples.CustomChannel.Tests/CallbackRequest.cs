namespace GAgent.Samples.CustomChannel.Tests;

/// <summary>One POST the callback server received, and the status it answered.</summary>
internal sealed record CallbackRequest(string Body, string Timestamp, string Signature, int AnsweredStatus);
