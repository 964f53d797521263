namespace Conventions.Modules.Partners.Features;

internal sealed record ContactDto(Guid Id, string FullName, string? Title, string? Email, string? Phone, IReadOnlyList<ContactRole> Roles);

internal sealed record AddressDto(string Line1, string PostalCode, string City);

internal sealed record OrganizationDto(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    AddressDto Address,
    string? Phone,
    string? Website,
    string? Email,
    bool PublishPhone,
    bool IsSuspended,
    string? SuspensionReason,
    DateTimeOffset? SuspendedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Guid> OperatorIds,
    IReadOnlyList<ContactDto> Contacts,
    DateTimeOffset UpdatedAt);

internal static class OrganizationMapping
{
    public static OrganizationDto ToDto(Organization o) => new(
        o.Id, o.Name, o.Kind, ToDto(o.Address), o.Phone, o.Website, o.Email, o.PublishPhone,
        o.IsSuspended, o.SuspensionReason, o.SuspendedAt, o.CreatedAt,
        o.Operators.Select(x => x.OperatorOrganizationId).ToList(),
        o.Contacts.OrderBy(c => c.FullName).Select(ToDto).ToList(),
        o.UpdatedAt);

    public static AddressDto ToDto(Address a) => new(a.Line1, a.PostalCode, a.City);

    public static ContactDto ToDto(Contact c) => new(c.Id, c.FullName, c.Title, c.Email, c.Phone, c.Roles);
}
