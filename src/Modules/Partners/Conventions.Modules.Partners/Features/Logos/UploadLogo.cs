namespace Conventions.Modules.Partners.Features;

/// <summary>An organization's logo replaced (PNG, or SVG sanitised): by its own partner staff, its managers, the platform.</summary>
internal sealed record UploadLogo(Guid OrganizationId, string? ContentType, byte[] Content) : ICommand<LogoDto>;

/// <summary>What was kept of a logo: its type, size and SHA-256 (an SVG's is that of the sanitised image).</summary>
internal sealed record LogoDto(Guid OrganizationId, string ContentType, int Bytes, string Sha256, DateTimeOffset UploadedAt, string Url);

internal sealed class UploadLogoHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<UploadLogo, LogoDto>
{
    public async ValueTask<LogoDto> Handle(UploadLogo command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        await LogoAccess.EnsureCanChangeAsync(db, current.Actor, organization, cancellationToken);
        var logo = OrganizationLogo.Of(organization.Id, LogoImage.Accept(command.ContentType, command.Content), clock.GetUtcNow());
        var existing = await db.Logos.SingleOrDefaultAsync(l => l.OrganizationId == organization.Id, cancellationToken);
        if (existing is null)
        {
            db.Logos.Add(logo);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(logo);
        }
        return LogoAccess.ToDto(logo);
    }
}

internal sealed record DeleteLogo(Guid OrganizationId) : ICommand<bool>;

internal sealed class DeleteLogoHandler(PartnersDbContext db, ICurrentActor current) : ICommandHandler<DeleteLogo, bool>
{
    public async ValueTask<bool> Handle(DeleteLogo command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        await LogoAccess.EnsureCanChangeAsync(db, current.Actor, organization, cancellationToken);
        var existing = await db.Logos.SingleOrDefaultAsync(l => l.OrganizationId == organization.Id, cancellationToken)
            ?? throw NotFoundException.For("logo", organization.Id);
        db.Logos.Remove(existing);
        return true;
    }
}

internal static class LogoAccess
{
    /// <summary>Like its contacts: the organization's own partner staff, or those who manage it.</summary>
    public static async Task EnsureCanChangeAsync(PartnersDbContext db, Actor actor, Organization organization, CancellationToken cancellationToken)
    {
        if (!actor.IsStaffOf(organization.Id, Role.Partner))
        {
            await OrganizationAccess.EnsureCanManageAsync(db, actor, organization, cancellationToken);
        }
    }

    public static LogoDto ToDto(OrganizationLogo logo) =>
        new(logo.OrganizationId, logo.ContentType, logo.Content.Length, logo.Sha256, logo.UploadedAt, $"/api/v1/organizations/{logo.OrganizationId}/logo");
}
