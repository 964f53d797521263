using System.Buffers.Binary;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// A logo accepted for printing: a PNG (checked by its signature and header, at most 4,096 pixels a side) or an SVG
/// rebuilt from an allow-list of drawing elements and attributes, so that nothing in it runs, loads or links: no script,
/// no event handler, no foreignObject, no external reference (only <c>#id</c> references), no DTD. At most
/// <see cref="MaxBytes"/> either way.
/// </summary>
internal sealed record LogoImage(string ContentType, byte[] Content)
{
    public const int MaxBytes = 200 * 1024;
    public const int MaxSide = 4096;
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLinkNs = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d",
        "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "clip-path", "clip-rule",
        "mask", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
        "patternTransform", "preserveAspectRatio", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
        "dominant-baseline", "letter-spacing", "style", "version", "href", "display", "visibility", "color",
    };

    /// <summary>The logo to keep, or a 400 saying what is wrong with what was sent.</summary>
    public static LogoImage Accept(string? contentType, byte[] content)
    {
        var type = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (content.Length == 0)
        {
            throw Invalid("The body is empty: send the image itself, as image/png or image/svg+xml.");
        }
        if (content.Length > MaxBytes)
        {
            throw Invalid($"A logo is at most {MaxBytes / 1024} KB; this one is {content.Length / 1024} KB.");
        }
        return type switch
        {
            Png => new LogoImage(Png, CheckPng(content)),
            Svg => new LogoImage(Svg, Sanitise(content)),
            _ => throw Invalid("A logo is sent as image/png or image/svg+xml (Content-Type)."),
        };
    }

    private static byte[] CheckPng(byte[] content)
    {
        // The signature, then the IHDR chunk: length 13, type "IHDR", width and height (big-endian).
        if (content.Length < 33 || !content.AsSpan(0, 8).SequenceEqual(PngSignature) || Encoding.ASCII.GetString(content, 12, 4) != "IHDR")
        {
            throw Invalid("This is not a PNG image.");
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(20, 4));
        if (width is 0 or > MaxSide || height is 0 or > MaxSide)
        {
            throw Invalid($"A logo is at most {MaxSide} pixels a side; this one is {width} × {height}.");
        }
        return content;
    }

    private static byte[] Sanitise(byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw Invalid($"This SVG is not well-formed XML (or declares a DTD): {e.Message}");
        }
        if (document.Root is not { } root || root.Name != SvgNs + "svg")
        {
            throw Invalid("An SVG logo's root element is <svg> in the SVG namespace.");
        }
        var clean = Clean(root)!;
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) }))
        {
            clean.Save(writer);
        }
        return output.ToArray();
    }

    private static XElement? Clean(XElement element)
    {
        if (element.Name.Namespace != SvgNs || !Elements.Contains(element.Name.LocalName))
        {
            return null;
        }
        var copy = new XElement(element.Name);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                if (attribute.Value == XLinkNs.NamespaceName || attribute.Value == SvgNs.NamespaceName)
                {
                    copy.Add(attribute);
                }
                continue;
            }
            var name = attribute.Name;
            var local = name.LocalName;
            var allowed = (name.Namespace == XNamespace.None && Attributes.Contains(local)) || (name.Namespace == XLinkNs && local == "href");
            if (!allowed || !SafeValue(local, attribute.Value))
            {
                continue;
            }
            copy.SetAttributeValue(name, attribute.Value);
        }
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child when Clean(child) is { } cleanChild:
                    copy.Add(cleanChild);
                    break;
                case XText text when element.Name.LocalName is "text" or "tspan" or "title" or "desc":
                    copy.Add(new XText(text.Value));
                    break;
            }
        }
        return copy;
    }

    /// <summary>References stay inside the image (<c>#id</c>); styles load nothing and run nothing.</summary>
    private static bool SafeValue(string attribute, string value)
    {
        if (attribute == "href")
        {
            return value.StartsWith('#');
        }
        var lower = value.ToLowerInvariant();
        if (lower.Contains("javascript:", StringComparison.Ordinal) || lower.Contains("expression(", StringComparison.Ordinal)
            || lower.Contains("@import", StringComparison.Ordinal) || lower.Contains('<'))
        {
            return false;
        }
        // url(...) only to an element of the image (a gradient, a clip path).
        var index = lower.IndexOf("url(", StringComparison.Ordinal);
        while (index >= 0)
        {
            var target = lower[(index + 4)..].TrimStart(' ', '"', '\'');
            if (!target.StartsWith('#'))
            {
                return false;
            }
            index = lower.IndexOf("url(", index + 4, StringComparison.Ordinal);
        }
        return true;
    }

    private static InvalidInputException Invalid(string message) => InvalidInputException.Field("logo", message);
}
