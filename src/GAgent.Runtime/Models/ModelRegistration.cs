using Microsoft.Extensions.AI;

namespace GAgent.Models;

/// <summary>A model added with <c>AddChatClient</c>/<c>UseOpenAI</c>/<c>UseOfflineDemoModel</c>; its client is created on first use.</summary>
internal sealed record ModelRegistration(ModelDescriptor Descriptor, Func<IServiceProvider, IChatClient> Factory, ModelProvider? Provider = null);
