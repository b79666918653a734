using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

internal static class UpdatePipeline
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", async Task<Results<Ok<PipelineResponse>, NotFound>> (Guid id, UpdatePipelineRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(UpdatePipeline))
            .WithSummary("Rename a pipeline, make it the default or archive it (administrators)")
            .WithDescription("Only the members sent change. There is always exactly one default pipeline: make another pipeline the default to change it; the default cannot be archived (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the pipeline does not exist.</summary>
    public static async Task<PipelineResponse?> ExecuteAsync(Guid id, UpdatePipelineRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        RequestValidator.ThrowIfInvalid(request);
        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline is null)
        {
            return null;
        }

        if (request.Name is not null)
        {
            var name = request.Name.Trim();
            if (name.Length == 0)
            {
                throw RequestValidationException.For("name", ValidationMessages.Mandatory);
            }

            if (name != pipeline.Name && await db.Pipelines.AnyAsync(p => p.Name == name && p.Id != id, ct))
            {
                throw RequestValidationException.For("name", OpportunityMessages.Get("Another pipeline already has this name."));
            }

            pipeline.Rename(name);
        }

        if (request.IsArchived is { } archived)
        {
            if (archived && (pipeline.IsDefault || request.IsDefault == true))
            {
                throw new BusinessRuleException(OpportunityMessages.Get("The default pipeline cannot be archived. Make another pipeline the default first."));
            }

            pipeline.Archive(archived);
        }

        if (request.IsDefault is { } isDefault && isDefault != pipeline.IsDefault)
        {
            if (!isDefault)
            {
                throw new BusinessRuleException(OpportunityMessages.Get("There must always be a default pipeline. Make another pipeline the default instead."));
            }

            if (pipeline.IsArchived)
            {
                throw new BusinessRuleException(OpportunityMessages.Get("An archived pipeline cannot be the default. Take it out of the archive first."));
            }

            await MakeDefaultAsync(db, pipeline, ct);
        }

        await db.SaveChangesAsync(ct);
        return await PipelineResponse.LoadAsync(db, id, ct);
    }

    /// <summary>Makes <paramref name="pipeline"/> the default and the previous default an ordinary pipeline; the caller saves.</summary>
    public static async Task MakeDefaultAsync(KontorDb db, Pipeline pipeline, CancellationToken ct)
    {
        foreach (var other in await db.Pipelines.Where(p => p.IsDefault && p.Id != pipeline.Id).ToListAsync(ct))
        {
            other.MakeDefault(false);
        }

        pipeline.MakeDefault(true);
    }
}
