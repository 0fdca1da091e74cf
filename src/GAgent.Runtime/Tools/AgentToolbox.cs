using System.Collections.Frozen;
using Microsoft.Extensions.AI;

namespace GAgent.Tools;

/// <summary>The agent's own (server-side) tools by name. Built once; names must be unique.</summary>
internal sealed class AgentToolbox
{
    public AgentToolbox(IEnumerable<ToolRegistration> registrations, IServiceProvider services)
    {
        var tools = new Dictionary<string, AIFunction>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var tool = registration.Factory(services);
            if (!tools.TryAdd(tool.Name, tool))
            {
                throw new InvalidOperationException($"Two tools are named '{tool.Name}'. Tool names must be unique; rename one of them.");
            }
        }

        Tools = tools.ToFrozenDictionary(StringComparer.Ordinal);
        All = [.. Tools.Values];
    }

    public FrozenDictionary<string, AIFunction> Tools { get; }

    public IReadOnlyList<AITool> All { get; }
}
