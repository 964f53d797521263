using Conventions.Modules.Partners.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record VenueAddressInput
{
    /// <example>Place Bertin-Boissin</example>
    public string? Line1 { get; init; }

    /// <example>"30200"</example>
    public string? PostalCode { get; init; }

    /// <example>Bagnols-sur-Cèze</example>
    public string? City { get; init; }
}

internal sealed record CreateVenue : ICommand<VenueDto>
{
    /// <example>La Ruche Numérique</example>
    public string? Name { get; init; }

    public Guid? OperatorOrganizationId { get; init; }

    public VenueAddressInput? Address { get; init; }
}

internal sealed class CreateVenueValidator : AbstractValidator<CreateVenue>
{
    public CreateVenueValidator()
    {
        RuleFor(c => c.Name).RequiredText(200);
        RuleFor(c => c.OperatorOrganizationId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Address).NotNull().WithMessage("Required.");
        RuleFor(c => c.Address!.Line1).RequiredText(300).When(c => c.Address is not null);
        RuleFor(c => c.Address!.PostalCode).RequiredText(20).When(c => c.Address is not null);
        RuleFor(c => c.Address!.City).RequiredText(120).When(c => c.Address is not null);
    }
}

internal sealed class CreateVenueHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator) : ICommandHandler<CreateVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(CreateVenue command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var operatorId = command.OperatorOrganizationId!.Value;
        if (!actor.SeesEverything && !(actor.Operates(SchedulingAccess.Program) && actor.OrganizationId == operatorId))
        {
            throw new ForbiddenException("venue.operator_only", "An operator of La Ruche Numérique registers its own venues.");
        }
        if (await mediator.Send(new GetOrganizationSummary(operatorId), cancellationToken) is null)
        {
            throw new BusinessRuleException("venue.unknown_operator", $"No organization with id '{operatorId}'.");
        }
        if (!(await mediator.Send(new GetOrganizationPrograms(operatorId), cancellationToken)).IsOperatorOf(SchedulingAccess.Program))
        {
            throw new BusinessRuleException("venue.operator_not_in_program", "A venue's operator must be an operator of La Ruche Numérique.");
        }
        var venue = new Venue
        {
            Id = Guid.NewGuid(),
            Name = command.Name!.Trim(),
            OperatorOrganizationId = operatorId,
            Line1 = command.Address!.Line1!.Trim(),
            PostalCode = command.Address.PostalCode!.Trim(),
            City = command.Address.City!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Venues.Add(venue);
        return VenueMapping.ToDto(venue);
    }
}
