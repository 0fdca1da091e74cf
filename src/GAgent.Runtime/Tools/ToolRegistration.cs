using Microsoft.Extensions.AI;

namespace GAgent.Tools;

/// <summary>A server-side tool added with <c>AddTool</c>, created from the service provider on first use.</summary>
internal sealed record ToolRegistration(Func<IServiceProvider, AIFunction> Factory);
