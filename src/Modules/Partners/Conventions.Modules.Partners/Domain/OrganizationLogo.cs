using System.Security.Cryptography;

namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// An organization's logo, as documents print it (La Ruche, article 5: "par apposition des deux logos"). Kept apart from
/// the organization so that reading an organization never loads the image.
/// </summary>
internal sealed class OrganizationLogo
{
    public Guid OrganizationId { get; set; }

    /// <summary><c>image/png</c> or <c>image/svg+xml</c>.</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>The PNG as sent, or the SVG as sanitised (<see cref="LogoImage"/>).</summary>
    public byte[] Content { get; set; } = [];

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public static OrganizationLogo Of(Guid organizationId, LogoImage image, DateTimeOffset now) => new()
    {
        OrganizationId = organizationId,
        ContentType = image.ContentType,
        Content = image.Content,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(image.Content)),
        UploadedAt = now,
    };
}
