using Conventions.Modules.Partners.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record SessionInput
{
    /// <example>2027-01-15T20:30:00+01:00</example>
    public DateTimeOffset? StartsAt { get; init; }

    /// <example>10</example>
    public int? Seats { get; init; }

    public DateTimeOffset? BookingOpensAt { get; init; }

    public DateTimeOffset? BookingClosesAt { get; init; }
}

internal sealed record CreateOffer : ICommand<OfferDto>
{
    public Guid? PublisherOrganizationId { get; init; }

    /// <example>Le Malade imaginaire</example>
    public string? Title { get; init; }

    /// <example>show</example>
    public OfferCategory? Category { get; init; }

    /// <example>Théâtre du Confluent</example>
    public string? VenueName { get; init; }

    /// <example>Lyon</example>
    public string? City { get; init; }

    /// <example>Comédie-ballet de Molière, mise en scène contemporaine.</example>
    public string? Description { get; init; }

    public IReadOnlyList<SessionInput>? Sessions { get; init; }
}

internal sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator(TimeProvider clock)
    {
        RuleFor(s => s.StartsAt).NotNull().WithMessage("Required.").Must(s => s is null || (s > clock.GetUtcNow() && s < clock.GetUtcNow().AddYears(3))).WithMessage("Must be in the future, within three years.");
        RuleFor(s => s.Seats).NotNull().WithMessage("Required.").InclusiveBetween(1, 100_000);
        RuleFor(s => s.BookingClosesAt).Must((s, close) => close is null || s.StartsAt is null || close <= s.StartsAt).WithMessage("Bookings close before the session starts.")
            .Must((s, close) => close is null || s.BookingOpensAt is null || close > s.BookingOpensAt).WithMessage("Must be after bookingOpensAt.");
    }
}

internal sealed class CreateOfferValidator : AbstractValidator<CreateOffer>
{
    public CreateOfferValidator(TimeProvider clock)
    {
        RuleFor(c => c.PublisherOrganizationId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Title).RequiredText(300);
        RuleFor(c => c.Category).NotNull().WithMessage("Required: show, guided-tour, conference, workshop, match, training or other.");
        RuleFor(c => c.VenueName).RequiredText(200);
        RuleFor(c => c.City).RequiredText(120);
        RuleFor(c => c.Description).RequiredParagraphs(4000);
        RuleFor(c => c.Sessions).NotEmpty().WithMessage("At least one session.").Must(s => s is null || s.Count <= 200).WithMessage("At most 200 sessions.");
        RuleForEach(c => c.Sessions).SetValidator(new SessionInputValidator(clock));
    }
}

internal sealed class CreateOfferHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator) : ICommandHandler<CreateOffer, OfferDto>
{
    public async ValueTask<OfferDto> Handle(CreateOffer command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var publisher = command.PublisherOrganizationId!.Value;
        if (!(actor.Operates(TicketingAccess.Program) || actor.IsStaffOf(publisher, Role.Publisher)))
        {
            throw new ForbiddenException("offer.forbidden", "A cultural partner publishes its own offers (and the operator of Culture pour tous for its partners).");
        }
        if (await mediator.Send(new GetOrganizationSummary(publisher), cancellationToken) is null)
        {
            throw new BusinessRuleException("offer.unknown_publisher", $"No organization with id '{publisher}'.");
        }
        // An operator publishes only for the cultural partners of its program.
        if (!actor.SeesEverything && actor.OrganizationId != publisher
            && !(await mediator.Send(new GetOrganizationPrograms(publisher), cancellationToken)).IsMemberOf(TicketingAccess.Program))
        {
            throw new ForbiddenException("program.organization_outside", "This organization does not take part in Culture pour tous.");
        }
        var offer = Offer.Publish(
            publisher,
            new OfferText(command.Title!, command.Category!.Value, command.VenueName!, command.City!, command.Description!),
            command.Sessions!.Select(s => new SessionPlan(s.StartsAt!.Value, s.Seats!.Value, s.BookingOpensAt, s.BookingClosesAt)),
            clock.GetUtcNow());
        db.Offers.Add(offer);
        return OfferMapping.ToDto(offer);
    }
}
