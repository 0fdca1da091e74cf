using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.Events;
using GAgent.Skills;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Skills REST: list, detail, create/replace from SKILL.md text (PUT), enable/disable (POST .../enable|disable or
/// PATCH {enabled}), delete. Every endpoint needs the <c>admin</c> scope.
/// </summary>
internal static class SkillEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var skills = api.MapGroup("/skills");
        skills.MapGet("/", ListAsync).WithName("GAgentListSkills");
        skills.MapGet("/{id}", GetAsync).WithName("GAgentGetSkill");
        skills.MapPut("/{id}", PutAsync).WithName("GAgentPutSkill");
        skills.MapPatch("/{id}", PatchAsync).WithName("GAgentPatchSkill");
        skills.MapPost("/{id}/enable", (string id, HttpContext context, ISkillStore store, IGAgentEventBus bus, TimeProvider time) => SetEnabledAsync(id, true, context, store, bus, time)).WithName("GAgentEnableSkill");
        skills.MapPost("/{id}/disable", (string id, HttpContext context, ISkillStore store, IGAgentEventBus bus, TimeProvider time) => SetEnabledAsync(id, false, context, store, bus, time)).WithName("GAgentDisableSkill");
        skills.MapDelete("/{id}", DeleteAsync).WithName("GAgentDeleteSkill");
    }

    private static async Task<IResult> ListAsync(ISkillStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new SkillListResponse([.. all.Select(static s => ToWire(s, detail: false))]), ApiJson.Context.SkillListResponse);
    }

    private static async Task<IResult> GetAsync(string id, ISkillStore store, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var skill = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return skill is null ? NotFound(id) : TypedResults.Json(ToWire(skill, detail: true), ApiJson.Context.SkillResponse);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, ISkillStore store, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (content, bodyProblem) = await DocumentBody.ReadAsync(context, options.Value, "the SKILL.md text").ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        try
        {
            var existed = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not null;
            var skill = await store.PutAsync(id, content!, context.RequestAborted).ConfigureAwait(false);
            StateNotifications.Publish(bus, time, GAgentEventNames.SkillUpdated, ToWire(skill, detail: false), ApiJson.Context.SkillResponse);
            var wire = ToWire(skill, detail: true);
            return existed ? TypedResults.Json(wire, ApiJson.Context.SkillResponse) : TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}", wire);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, ISkillStore store, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.PatchSkillRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (body!.Enabled is not { } enabled)
        {
            return ApiProblems.BadRequest("Send {\"enabled\": true} or {\"enabled\": false}.", "enabled");
        }

        return await SetEnabledAsync(id, enabled, context, store, bus, time).ConfigureAwait(false);
    }

    private static async Task<IResult> SetEnabledAsync(string id, bool enabled, HttpContext context, ISkillStore store, IGAgentEventBus bus, TimeProvider time)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        try
        {
            var skill = await store.SetEnabledAsync(id, enabled, context.RequestAborted).ConfigureAwait(false);
            StateNotifications.Publish(bus, time, GAgentEventNames.SkillUpdated, ToWire(skill, detail: false), ApiJson.Context.SkillResponse);
            return TypedResults.Json(ToWire(skill, detail: true), ApiJson.Context.SkillResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, ISkillStore store, IGAgentEventBus bus, TimeProvider time, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (!await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(id);
        }

        StateNotifications.Publish(bus, time, GAgentEventNames.SkillDeleted, new IdPayload(id), ApiJson.Context.IdPayload);
        return TypedResults.NoContent();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? InvalidId(string id) => SkillIds.IsValid(id) ? null : ApiProblems.BadRequest(SkillIds.Describe(id), "id");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string id) => ApiProblems.NotFound(new SkillNotFoundException(id).Message, "skill_not_found");

    private static SkillResponse ToWire(Skill skill, bool detail)
        => new(skill.Id, skill.Name, skill.Description, skill.Enabled, skill.UpdatedAt, detail ? skill.Body : null, detail ? skill.Content : null);
}
