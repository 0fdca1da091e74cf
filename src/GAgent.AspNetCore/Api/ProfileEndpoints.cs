using System.Globalization;
using System.Text.Json;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using GAgent.Events;
using GAgent.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Profiles REST: list, get, create/replace (PUT), patch, delete, and the globally active profile. Reading needs the
/// <c>chat</c> scope, changing needs <c>admin</c>. Versions are exposed as ETags; <c>If-Match</c> makes writes conditional (412).
/// </summary>
internal static class ProfileEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/profiles");
        profiles.MapGet("/", ListAsync).WithName("GAgentListProfiles").WithMetadata(new GAgentScopeMetadata(GAgentScopes.Chat));
        profiles.MapGet("/active", GetActiveAsync).WithName("GAgentGetActiveProfile").WithMetadata(new GAgentScopeMetadata(GAgentScopes.Chat));
        profiles.MapPut("/active", SetActiveAsync).WithName("GAgentSetActiveProfile");
        profiles.MapGet("/{id}", GetAsync).WithName("GAgentGetProfile").WithMetadata(new GAgentScopeMetadata(GAgentScopes.Chat));
        profiles.MapPut("/{id}", PutAsync).WithName("GAgentPutProfile");
        profiles.MapPatch("/{id}", PatchAsync).WithName("GAgentPatchProfile");
        profiles.MapDelete("/{id}", DeleteAsync).WithName("GAgentDeleteProfile");
    }

    /// <summary>Null when <paramref name="profileId"/> is null, empty (the default) or names an existing profile; else the error to return.</summary>
    internal static async Task<IResult?> CheckReferenceAsync(string? profileId, IProfileStore profiles, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(profileId))
        {
            return null;
        }

        if (!ProfileIds.IsValid(profileId))
        {
            return ApiProblems.BadRequest(ProfileIds.Describe(profileId), "profileId");
        }

        return await profiles.GetAsync(profileId, cancellationToken).ConfigureAwait(false) is null
            ? ApiProblems.From(new ErrorInfo(404, new ProfileNotFoundException(profileId).Message, "profile_not_found", "profileId"))
            : null;
    }

    internal static ProfileResponse ToWire(AgentProfile profile, string activeProfileId, HttpContext? context) => new(
        profile.Id,
        profile.Name,
        profile.Description,
        profile.Persona,
        profile.ModelId,
        ProfileModelIds.ToModelId(profile.Id),
        profile.AllowedTools,
        profile.AllowedTools is null,
        profile.ToolsRequiringApproval,
        profile.EffectiveMemoryScope,
        new ProfileVisualResponse(
            profile.Visual.AvatarMediaId,
            profile.Visual.AvatarMediaId is { } media && context is not null ? MediaLinks.SignedUrl(context, media) : null,
            profile.Visual.AccentColor,
            profile.Visual.Theme.ToString().ToLowerInvariant()),
        profile.Id == activeProfileId,
        profile.Version == 0,
        profile.Version,
        profile.CreatedAt,
        profile.UpdatedAt);

    internal static IResult? InvalidId(string id)
        => ProfileIds.IsValid(id) ? null : ApiProblems.BadRequest(ProfileIds.Describe(id), "id");

    internal static IResult NotFound(string id) => ApiProblems.NotFound(new ProfileNotFoundException(id).Message, "profile_not_found");

    private static async Task<IResult> ListAsync(HttpContext context, IProfileStore store, CancellationToken cancellationToken)
    {
        var active = await store.GetActiveProfileIdAsync(cancellationToken).ConfigureAwait(false);
        var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new ProfileListResponse([.. all.Select(p => ToWire(p, active, context))], active), ApiJson.Context.ProfileListResponse);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IProfileStore store, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var profile = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return NotFound(id);
        }

        SetETag(context, profile);
        return TypedResults.Json(ToWire(profile, await store.GetActiveProfileIdAsync(cancellationToken).ConfigureAwait(false), context), ApiJson.Context.ProfileResponse);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IProfileStore store, ProfileReferenceValidator references, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (ReadIfMatch(context, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.PutProfileRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (body!.Id is not null && body.Id != id)
        {
            return ApiProblems.BadRequest($"The body's 'id' ('{body.Id}') differs from the id in the path ('{id}'); leave it out or make them equal.", "id");
        }

        var (theme, themeError) = ParseTheme(body.Visual?.Theme);
        if (themeError is not null)
        {
            return themeError;
        }

        var profile = new AgentProfile
        {
            Id = id,
            Name = body.Name ?? string.Empty,
            Description = EmptyToNull(body.Description),
            Persona = EmptyToNull(body.Persona),
            ModelId = EmptyToNull(body.ModelId),
            AllowedTools = body.AllowedTools,
            ToolsRequiringApproval = body.ToolsRequiringApproval ?? [],
            MemoryScope = EmptyToNull(body.MemoryScope),
            Visual = new ProfileVisual { AvatarMediaId = EmptyToNull(body.Visual?.AvatarMediaId), AccentColor = EmptyToNull(body.Visual?.AccentColor), Theme = theme ?? ProfileTheme.System },
        };

        try
        {
            ProfileValidation.Validate(profile);
            references.Validate(profile);
            var stored = await store.PutAsync(profile, expected, context.RequestAborted).ConfigureAwait(false);
            var wire = ToWire(stored, await store.GetActiveProfileIdAsync(context.RequestAborted).ConfigureAwait(false), context);
            StateNotifications.Publish(bus, time, GAgentEventNames.ProfileUpdated, ToWire(stored, wire.Active ? stored.Id : string.Empty, null), ApiJson.Context.ProfileResponse);
            SetETag(context, stored);
            return stored.Version == 1
                ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}", wire)
                : TypedResults.Json(wire, ApiJson.Context.ProfileResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, IProfileStore store, ProfileReferenceValidator references, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (ReadIfMatch(context, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.PatchProfileRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        var (theme, themeError) = ParseTheme(body!.Visual?.Theme);
        if (themeError is not null)
        {
            return themeError;
        }

        IReadOnlyList<string>? allowed = null;
        switch (body.AllowedTools.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                break;
            case JsonValueKind.Array when body.AllowedTools.EnumerateArray().All(static e => e.ValueKind == JsonValueKind.String):
                allowed = [.. body.AllowedTools.EnumerateArray().Select(static e => e.GetString()!)];
                break;
            default:
                return ApiProblems.BadRequest("'allowedTools' must be an array of tool names, or null to allow every tool.", "allowedTools");
        }

        var patch = new ProfilePatch
        {
            Name = body.Name,
            Description = body.Description,
            Persona = body.Persona,
            ModelId = body.ModelId,
            AllowedTools = allowed,
            AllowAllTools = body.AllowedTools.ValueKind == JsonValueKind.Null,
            ToolsRequiringApproval = body.ToolsRequiringApproval,
            MemoryScope = body.MemoryScope,
            AvatarMediaId = body.Visual?.AvatarMediaId,
            AccentColor = body.Visual?.AccentColor,
            Theme = theme,
        };

        if (patch.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            return ApiProblems.BadRequest("'name' cannot be empty; leave it out to keep the current name.", "name");
        }

        try
        {
            // Check references before writing, on the profile as it would be.
            var current = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false) ?? throw new ProfileNotFoundException(id);
            references.Validate(current with
            {
                ModelId = patch.ModelId is null ? current.ModelId : EmptyToNull(patch.ModelId),
                AllowedTools = patch.AllowAllTools ? null : patch.AllowedTools ?? current.AllowedTools,
                ToolsRequiringApproval = patch.ToolsRequiringApproval ?? current.ToolsRequiringApproval,
            });
            var stored = await store.PatchAsync(id, patch, expected, context.RequestAborted).ConfigureAwait(false);
            var active = await store.GetActiveProfileIdAsync(context.RequestAborted).ConfigureAwait(false);
            StateNotifications.Publish(bus, time, GAgentEventNames.ProfileUpdated, ToWire(stored, active, null), ApiJson.Context.ProfileResponse);
            SetETag(context, stored);
            return TypedResults.Json(ToWire(stored, active, context), ApiJson.Context.ProfileResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IProfileStore store, IGAgentEventBus bus, TimeProvider time)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (ReadIfMatch(context, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        try
        {
            if (!await store.DeleteAsync(id, expected, context.RequestAborted).ConfigureAwait(false))
            {
                return NotFound(id);
            }

            StateNotifications.Publish(bus, time, GAgentEventNames.ProfileDeleted, new IdPayload(id), ApiJson.Context.IdPayload);
            return TypedResults.NoContent();
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> GetActiveAsync(HttpContext context, IProfileStore store, CancellationToken cancellationToken)
    {
        var active = await store.GetActiveProfileIdAsync(cancellationToken).ConfigureAwait(false);
        var profile = await store.GetAsync(active, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new ActiveProfileResponse(active, profile is null ? null : ToWire(profile, active, context)), ApiJson.Context.ActiveProfileResponse);
    }

    private static async Task<IResult> SetActiveAsync(HttpContext context, IProfileStore store, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.ActiveProfileRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (string.IsNullOrEmpty(body!.ProfileId))
        {
            return ApiProblems.BadRequest("Name the profile to activate in 'profileId'.", "profileId");
        }

        if (!ProfileIds.IsValid(body.ProfileId))
        {
            return ApiProblems.BadRequest(ProfileIds.Describe(body.ProfileId), "profileId");
        }

        try
        {
            await store.SetActiveProfileIdAsync(body.ProfileId, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ProfileNotFoundException ex)
        {
            return ApiProblems.From(new ErrorInfo(404, ex.Message, ex.ErrorCode, "profileId"), context);
        }

        var profile = await store.GetAsync(body.ProfileId, context.RequestAborted).ConfigureAwait(false);
        StateNotifications.Publish(bus, time, GAgentEventNames.ProfileActive, new ActiveProfileResponse(body.ProfileId, profile is null ? null : ToWire(profile, body.ProfileId, null)), ApiJson.Context.ActiveProfileResponse);
        return TypedResults.Json(new ActiveProfileResponse(body.ProfileId, profile is null ? null : ToWire(profile, body.ProfileId, context)), ApiJson.Context.ActiveProfileResponse);
    }

    private static (ProfileTheme? Theme, IResult? Error) ParseTheme(string? value) => value switch
    {
        null => (null, null),
        _ when value.Equals("light", StringComparison.OrdinalIgnoreCase) => (ProfileTheme.Light, null),
        _ when value.Equals("dark", StringComparison.OrdinalIgnoreCase) => (ProfileTheme.Dark, null),
        _ when value.Equals("system", StringComparison.OrdinalIgnoreCase) => (ProfileTheme.System, null),
        _ => (null, ApiProblems.BadRequest($"'visual.theme' must be light, dark or system; got '{value}'.", "visual.theme")),
    };

    /// <summary>Reads <c>If-Match: "3"</c> (or <c>W/"3"</c>) as the expected version; <c>*</c> or no header means unconditional.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? ReadIfMatch(HttpContext context, out long? expected)
    {
        expected = null;
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expected = version;
            return null;
        }

        return ApiProblems.BadRequest($"'If-Match' must be an ETag this API returned (such as \"3\"); got {header}.", "If-Match");
    }

    private static void SetETag(HttpContext context, AgentProfile profile)
        => context.Response.Headers.ETag = "\"" + profile.Version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
