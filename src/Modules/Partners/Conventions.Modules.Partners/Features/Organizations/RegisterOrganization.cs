using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

/// <summary>A postal address.</summary>
internal sealed record AddressInput
{
    /// <example>24, rue Etienne Rognon</example>
    public string? Line1 { get; init; }

    /// <example>"69007"</example>
    public string? PostalCode { get; init; }

    /// <example>Lyon</example>
    public string? City { get; init; }
}

/// <summary>Registers an organization (platform admins and operator admins; an operator's registrations join its program).</summary>
internal sealed record RegisterOrganization : ICommand<OrganizationDto>
{
    /// <example>Association Passerelles Solidaires</example>
    public string? Name { get; init; }

    /// <example>social-service</example>
    public OrganizationKind? Kind { get; init; }

    public AddressInput? Address { get; init; }

    /// <example>04 78 60 20 82</example>
    public string? Phone { get; init; }

    /// <example>https://www.culture-pour-tous.fr</example>
    public string? Website { get; init; }

    /// <example>contact@passerelles.example</example>
    public string? Email { get; init; }

    /// <summary>The organization agrees to show its phone number in the public directory.</summary>
    /// <example>false</example>
    public bool PublishPhone { get; init; }
}

internal sealed class AddressValidator : AbstractValidator<AddressInput>
{
    public AddressValidator()
    {
        RuleFor(a => a.Line1).RequiredText(300);
        RuleFor(a => a.PostalCode).RequiredText(20).Matches("^[0-9A-Za-z -]{2,20}$").WithMessage("Must be a postal code.");
        RuleFor(a => a.City).RequiredText(120);
    }
}

internal sealed class RegisterOrganizationValidator : AbstractValidator<RegisterOrganization>
{
    public RegisterOrganizationValidator()
    {
        RuleFor(c => c.Name).RequiredText(200);
        RuleFor(c => c.Kind).NotNull().WithMessage("Required: association, municipality, cultural-institution, sport-institution, social-service or other.");
        RuleFor(c => c.Address).NotNull().WithMessage("Required.").SetValidator(new AddressValidator()!);
        RuleFor(c => c.Phone).OptionalPhone();
        RuleFor(c => c.Website).OptionalWebsite();
        RuleFor(c => c.Email).OptionalEmail();
        RuleFor(c => c.PublishPhone).Must((c, publish) => !publish || !string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage("A phone number is needed to publish it.");
    }
}

internal sealed class RegisterOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<RegisterOrganization, OrganizationDto>
{
    public ValueTask<OrganizationDto> Handle(RegisterOrganization command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.SeesEverything && actor.OperatedPrograms is not { Count: > 0 })
        {
            throw new BuildingBlocks.Errors.ForbiddenException("program.operator_only", "Only the platform and the operators of a program register organizations.");
        }
        var address = new Address { Line1 = command.Address!.Line1!.Trim(), PostalCode = command.Address.PostalCode!.Trim(), City = command.Address.City!.Trim() };
        var organization = Organization.Register(
            Guid.NewGuid(), command.Name!, command.Kind!.Value, address,
            Blank(command.Phone), Blank(command.Website), Blank(command.Email), command.PublishPhone,
            actor.Role == Role.OperatorAdmin ? actor.OrganizationId : null,
            clock.GetUtcNow());
        db.Organizations.Add(organization);
        return ValueTask.FromResult(OrganizationMapping.ToDto(organization));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
