using GAgent.Samples.ExistingApp;

// An app that already exists: its own endpoints, its own authentication. GAgent is mounted under /agent and
// protected by the app's authorization; GAgent's own key checks are off (GAgent:UseHostAuthorization = true).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(AppTokenAuthenticationHandler.SchemeName)
    .AddScheme<AppTokenAuthenticationOptions, AppTokenAuthenticationHandler>(AppTokenAuthenticationHandler.SchemeName, options =>
        builder.Configuration.GetSection("App:Tokens").Bind(options.Tokens));
builder.Services.AddAuthorization();

builder.Services.AddGAgent().UseOfflineDemoModel();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

// The app's own endpoints.
app.MapGet("/", () => "Existing app. GAgent lives under /agent (send 'Authorization: Bearer <token>').");
app.MapGet("/orders", (HttpContext context) => new[] { new Order(1, "Coffee beans", context.User.Identity?.Name ?? "?") })
    .RequireAuthorization();

// GAgent beside them, under the app's authorization.
app.MapGAgentEndpoints("/agent").RequireAuthorization();

app.Run();

/// <summary>Exposed for WebApplicationFactory-based tests.</summary>
public partial class Program;
