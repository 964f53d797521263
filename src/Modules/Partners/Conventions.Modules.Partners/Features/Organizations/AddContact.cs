using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

/// <summary>Adds a contact: a signatory, a referent (the program's privileged contact), staff.</summary>
internal sealed record AddContact(Guid OrganizationId, ContactBody Body) : ICommand<ContactDto>;

internal sealed record ContactBody
{
    /// <example>Karim BENALI</example>
    public string? FullName { get; init; }

    /// <example>Référent Culture pour tous</example>
    public string? Title { get; init; }

    /// <example>k.benali@passerelles.example</example>
    public string? Email { get; init; }

    /// <example>04 72 00 00 00</example>
    public string? Phone { get; init; }

    /// <example>["referent"]</example>
    public IReadOnlyList<ContactRole>? Roles { get; init; }
}

internal sealed class AddContactValidator : AbstractValidator<AddContact>
{
    public AddContactValidator()
    {
        RuleFor(c => c.Body.FullName).RequiredText(200).OverridePropertyName("fullName");
        RuleFor(c => c.Body.Title).OptionalText(200).OverridePropertyName("title");
        RuleFor(c => c.Body.Email).OptionalEmail().OverridePropertyName("email");
        RuleFor(c => c.Body.Phone).OptionalPhone().OverridePropertyName("phone");
        RuleFor(c => c.Body.Roles).NotEmpty().WithMessage("At least one role: signatory, referent or staff.").OverridePropertyName("roles");
        RuleFor(c => c.Body.Email).NotEmpty().When(c => c.Body.Roles?.Contains(ContactRole.Referent) == true)
            .WithMessage("A referent needs an e-mail address: notices are sent there.").OverridePropertyName("email");
    }
}

internal sealed class AddContactHandler(PartnersDbContext db, ICurrentActor current) : ICommandHandler<AddContact, ContactDto>
{
    public async ValueTask<ContactDto> Handle(AddContact command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        var actor = current.Actor;
        // Contacts decide who receives the organization's notices: its managers and its own partner staff set them.
        if (!actor.IsStaffOf(organization.Id, Role.Partner))
        {
            await OrganizationAccess.EnsureCanManageAsync(db, actor, organization, cancellationToken);
        }
        var body = command.Body;
        var contact = organization.AddContact(body.FullName!, Blank(body.Title), Blank(body.Email), Blank(body.Phone), body.Roles!.ToList());
        db.Contacts.Add(contact);
        return OrganizationMapping.ToDto(contact);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
