using Conventions.BuildingBlocks.Rendering;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

internal sealed record DonationBody
{
    /// <summary>Freely chosen amount in euros (two decimals at most).</summary>
    /// <example>150.00</example>
    public decimal? Amount { get; init; }

    /// <example>2026-11-20</example>
    public DateOnly? ReceivedOn { get; init; }

    /// <example>transfer</example>
    public DonationMethod? Method { get; init; }

    /// <summary>The association receiving the donation. Defaults to the operator admin's own organization; required for platform admins.</summary>
    public Guid? RecipientOrganizationId { get; init; }
}

internal sealed record RecordDonation(Guid DonorOrganizationId, DonationBody Body) : ICommand<DonationDto>;

internal sealed class RecordDonationValidator : AbstractValidator<RecordDonation>
{
    public RecordDonationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Amount).NotNull().WithMessage("Required.")
            .GreaterThan(0).LessThanOrEqualTo(1_000_000)
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("At most two decimals.")
            .OverridePropertyName("amount");
        RuleFor(c => c.Body.ReceivedOn).NotNull().WithMessage("Required.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .OverridePropertyName("receivedOn");
        RuleFor(c => c.Body.Method).NotNull().WithMessage("Required: transfer, cheque, cash, card or other.").OverridePropertyName("method");
    }
}

internal sealed class RecordDonationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, DocumentRenderer renderer)
    : ICommandHandler<RecordDonation, DonationDto>
{
    private static readonly TemplateRef Receipt = new(typeof(RecordDonationHandler).Assembly, "donation-receipt.sbn-html");

    public async ValueTask<DonationDto> Handle(RecordDonation command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var donor = await OrganizationAccess.LoadAsync(db, command.DonorOrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, actor, donor, cancellationToken);
        var recipientId = command.Body.RecipientOrganizationId
            ?? (actor.Role == Role.OperatorAdmin ? actor.OrganizationId : null)
            ?? throw InvalidInputException.Field("recipientOrganizationId", "Required: the association receiving the donation.");
        var recipient = await db.Organizations.SingleOrDefaultAsync(o => o.Id == recipientId, cancellationToken)
            ?? throw NotFoundException.For("organization", recipientId);
        if (!actor.SeesEverything && recipient.Id != actor.OrganizationId)
        {
            throw new ForbiddenException("donation.recipient_forbidden", "An operator records the donations made to itself.");
        }

        var body = command.Body;
        var id = Guid.NewGuid();
        var number = $"DON-{body.ReceivedOn!.Value.Year}-{id.ToString("N")[..8].ToUpperInvariant()}";
        var document = renderer.Render(Receipt, new
        {
            Number = number,
            Donor = new { donor.Name, donor.Address.Line1, donor.Address.PostalCode, donor.Address.City },
            Recipient = new { recipient.Name, recipient.Address.Line1, recipient.Address.PostalCode, recipient.Address.City },
            Amount = French.Euros(body.Amount!.Value),
            ReceivedOn = French.Date(body.ReceivedOn.Value),
            Method = MethodInFrench(body.Method!.Value),
            IssuedOn = French.Date(clock.Today()),
        });
        var donation = new Donation
        {
            Id = id,
            DonorOrganizationId = donor.Id,
            RecipientOrganizationId = recipient.Id,
            Amount = body.Amount.Value,
            ReceivedOn = body.ReceivedOn.Value,
            Method = body.Method.Value,
            ReceiptNumber = number,
            ReceiptHtml = document.Html,
            ReceiptSha256 = document.Sha256,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Donations.Add(donation);
        return DonationMapping.ToDto(donation);
    }

    private static string MethodInFrench(DonationMethod method) => method switch
    {
        DonationMethod.Transfer => "virement",
        DonationMethod.Cheque => "chèque",
        DonationMethod.Cash => "espèces",
        DonationMethod.Card => "carte bancaire",
        _ => "autre moyen de paiement",
    };
}
