using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

internal sealed record DonationDto(Guid Id, Guid DonorOrganizationId, Guid RecipientOrganizationId, decimal Amount, DateOnly ReceivedOn, DonationMethod Method, string ReceiptNumber, string ReceiptSha256, string ReceiptUrl);

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

internal static class DonationMapping
{
    public static DonationDto ToDto(Donation d) => new(
        d.Id, d.DonorOrganizationId, d.RecipientOrganizationId, d.Amount, d.ReceivedOn, d.Method, d.ReceiptNumber, d.ReceiptSha256,
        $"/api/v1/organizations/{d.DonorOrganizationId}/donations/{d.Id}/receipt");
}

internal sealed record ListDonations(Guid OrganizationId) : IQuery<ListResponse<DonationDto>>;

internal sealed record GetDonationReceipt(Guid OrganizationId, Guid DonationId) : IQuery<string>;

internal sealed class DonationQueries(PartnersDbContext db, ICurrentActor current)
    : IQueryHandler<ListDonations, ListResponse<DonationDto>>, IQueryHandler<GetDonationReceipt, string>
{
    public async ValueTask<ListResponse<DonationDto>> Handle(ListDonations query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        var donations = await db.Donations.AsNoTracking().Where(d => d.DonorOrganizationId == organization.Id).OrderBy(d => d.ReceivedOn).ToListAsync(cancellationToken);
        return new ListResponse<DonationDto>(donations.Select(DonationMapping.ToDto).ToList(), donations.Count);
    }

    public async ValueTask<string> Handle(GetDonationReceipt query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        var donation = await db.Donations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DonationId && d.DonorOrganizationId == organization.Id, cancellationToken)
            ?? throw NotFoundException.For("donation", query.DonationId);
        return donation.ReceiptHtml;
    }
}

internal static class DonationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations/{id:guid}/donations").WithTags("Donations");

        group.MapPost("/", async Task<Created<DonationDto>> (Guid id, DonationBody body, IMediator mediator, CancellationToken ct) =>
            {
                var donation = await mediator.Send(new RecordDonation(id, body), ct);
                return TypedResults.Created(donation.ReceiptUrl, donation);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Records a donation made by this organization and renders its receipt. A donation is optional and changes no right (Culture pour tous art. 5).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/", async Task<Ok<ListResponse<DonationDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDonations(id), ct)))
            .WithSummary("Lists the organization's donations.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{donationId:guid}/receipt", async Task<ContentHttpResult> (Guid id, Guid donationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetDonationReceipt(id, donationId), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .WithSummary("The donation receipt (HTML, printable).")
            .ProducesRefusals(401, 403, 404);
    }
}
