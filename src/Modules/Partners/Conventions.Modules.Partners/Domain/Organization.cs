namespace Conventions.Modules.Partners.Domain;

/// <summary>A registered organization: an operator (ALLIES, the town), a social, cultural or premises partner.</summary>
internal sealed class Organization : global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
{
    private Organization()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public OrganizationKind Kind { get; private set; }

    public Address Address { get; private set; } = new();

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The organization agreed to show its phone number in the public directory.</summary>
    public bool PublishPhone { get; private set; }

    public bool IsSuspended { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it, or a row it owns, last changed (stamped as changes are saved; seat counts excluded).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The operators whose programs this organization takes part in (their admins manage it).</summary>
    public List<OperatorLink> Operators { get; private set; } = [];

    public List<Contact> Contacts { get; private set; } = [];

    public static Organization Register(
        Guid id, string name, OrganizationKind kind, Address address, string? phone, string? website, string? email,
        bool publishPhone, Guid? registeredByOperator, DateTimeOffset now)
    {
        var organization = new Organization
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind,
            Address = address,
            Phone = phone,
            Website = website,
            Email = email,
            PublishPhone = publishPhone,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (registeredByOperator is { } operatorId)
        {
            organization.Operators.Add(new OperatorLink { OperatorOrganizationId = operatorId });
        }
        return organization;
    }

    public bool IsOperatedBy(Guid organizationId) => Operators.Any(o => o.OperatorOrganizationId == organizationId);

    public void Suspend(string reason, DateTimeOffset now)
    {
        if (IsSuspended)
        {
            throw new ConflictException("organization.already_suspended", $"{Name} is already suspended.");
        }
        IsSuspended = true;
        SuspensionReason = reason.Trim();
        SuspendedAt = now;
    }

    public void Reactivate()
    {
        if (!IsSuspended)
        {
            throw new ConflictException("organization.not_suspended", $"{Name} is not suspended.");
        }
        IsSuspended = false;
        SuspensionReason = null;
        SuspendedAt = null;
    }

    public Contact AddContact(string fullName, string? title, string? email, string? phone, IReadOnlyCollection<ContactRole> roles)
    {
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            OrganizationId = Id,
            FullName = fullName.Trim(),
            Title = title?.Trim(),
            Email = email?.Trim(),
            Phone = phone?.Trim(),
            Roles = roles.Distinct().Order().ToList(),
        };
        Contacts.Add(contact);
        return contact;
    }
}

internal sealed class Address
{
    public string Line1 { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;
}

internal sealed class OperatorLink
{
    public Guid OperatorOrganizationId { get; set; }
}

/// <summary>A person of an organization: its signatory, its "Culture pour tous" referent, its staff.</summary>
internal sealed class Contact
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string FullName { get; set; } = string.Empty;

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public List<ContactRole> Roles { get; set; } = [];
}
