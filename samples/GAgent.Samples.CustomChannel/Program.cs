using GAgent.Samples.CustomChannel;
using Microsoft.Extensions.DependencyInjection.Extensions;

// A host with one custom channel: messages come in as signed webhooks, replies go out as signed callbacks.
// Set Webhook:Secret (32+ random characters, e.g. the environment variable Webhook__Secret) and Webhook:CallbackUrl.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<WebhookChannelOptions>()
    .BindConfiguration(WebhookChannelOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddHttpClient(WebhookChannel.HttpClientName);
builder.Services.TryAddSingleton<WebhookReplayGuard>();

builder.Services.AddGAgent()
    .UseOfflineDemoModel()
    .AddChannel<WebhookChannel>();

var app = builder.Build();
app.MapGAgentEndpoints();
app.MapWebhookChannel("/webhook/inbound");
app.Run();

/// <summary>Exposed for WebApplicationFactory-based tests.</summary>
public partial class Program;
