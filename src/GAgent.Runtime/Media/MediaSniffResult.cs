namespace GAgent.Media;

/// <summary>What <see cref="MediaTypeSniffer"/> found in a file's bytes.</summary>
/// <param name="MediaType">The detected media type, also for refused files (e.g. <c>image/svg+xml</c>, <c>application/x-msdownload</c>).</param>
/// <param name="Allowed">True when the type is on the allow-list (<see cref="MediaTypeSniffer.AllowedMediaTypes"/>).</param>
public sealed record MediaSniffResult(string MediaType, bool Allowed);
