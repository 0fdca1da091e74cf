using GAgent.Samples.Host;

// The standalone GAgent host: the OpenAI-compatible API under /v1, the control API under /api.
var builder = WebApplication.CreateBuilder(args);

// OpenAI's own environment variables (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL) configure the provider too.
builder.Configuration.AddInMemoryCollection(OpenAIEnvironment.ToConfiguration(builder.Configuration));

var gagent = builder.Services.AddGAgent();
var providerConfigured = ProviderConfiguration.IsConfigured(builder.Configuration);
if (!providerConfigured)
{
    // No provider: run on the clearly labelled offline demo model so every screen works offline.
    gagent.UseOfflineDemoModel();
}

var app = builder.Build();
app.MapGAgentEndpoints();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, providerConfigured));
app.Run();
