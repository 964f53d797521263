using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

/// <summary>Freezes the rendered document and its SHA-256, and opens the convention to signatures.</summary>
internal sealed record SendForSignature(Guid ConventionId) : ICommand<ConventionDto>;

internal sealed class SendForSignatureHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents)
    : ICommandHandler<SendForSignature, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(SendForSignature command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        convention.EnsureDraft();
        var document = documents.RenderBody(convention, await documents.PartiesAsync(convention, cancellationToken), draft: false);
        convention.SendForSignature(document, clock.GetUtcNow());
        return ConventionMapping.ToDto(convention);
    }
}

/// <summary>A party's signature: its signatory's name and title, the place and the date.</summary>
internal sealed record SignatureBody
{
    /// <example>partner</example>
    public ConventionParty? Party { get; init; }

    /// <example>Claire MARTIN</example>
    public string? SignatoryName { get; init; }

    /// <example>Directrice</example>
    public string? SignatoryTitle { get; init; }

    /// <example>Lyon</example>
    public string? Place { get; init; }

    /// <example>2026-09-15</example>
    public DateOnly? SignedOn { get; init; }
}

internal sealed record SignConvention(Guid ConventionId, SignatureBody Body) : ICommand<ConventionDto>;

internal sealed class SignatureBodyValidator : AbstractValidator<SignatureBody>
{
    public SignatureBodyValidator(TimeProvider clock)
    {
        RuleFor(s => s.Party).NotNull().WithMessage("Required: operator or partner.");
        RuleFor(s => s.SignatoryName).RequiredText(200);
        RuleFor(s => s.SignatoryTitle).RequiredText(200);
        RuleFor(s => s.Place).RequiredText(120);
        RuleFor(s => s.SignedOn).NotNull().WithMessage("Required.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.");
    }
}

internal sealed class SignConventionValidator : AbstractValidator<SignConvention>
{
    public SignConventionValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignConventionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects)
    : ICommandHandler<SignConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(SignConvention command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        ConventionAccess.EnsureCanActFor(current.Actor, convention, body.Party!.Value);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var effect = convention.Sign(body.Party.Value, body.SignatoryName!.Trim(), body.SignatoryTitle!.Trim(), body.Place!.Trim(), body.SignedOn!.Value, today, now);
        if (effect is not null)
        {
            effects.Publish(db, convention, await documents.PartiesAsync(convention, cancellationToken), [effect], today, now);
        }
        return ConventionMapping.ToDto(convention);
    }
}

internal static class SigningEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapPost("/{id:guid}/send-for-signature", async Task<Ok<ConventionDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendForSignature(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Freezes the rendered document and its SHA-256; the convention awaits both signatures. 409 unless it is a draft.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/signatures", async Task<Created<ConventionDto>> (Guid id, SignatureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new SignConvention(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("Records a party's signature. With both, the convention is active at once if its term has started, otherwise signed until its start date.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
