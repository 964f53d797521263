using System.Globalization;
using System.Text;
using QRCoder;

namespace Conventions.BuildingBlocks.Rendering;

/// <summary>
/// QR codes for printed documents (issue 19: the counter-mark's code), drawn as inline SVG from QRCoder's module matrix:
/// no image file, crisp when printed (WeasyPrint draws the SVG as vectors), and the same bytes for the same text.
/// </summary>
public static class QrCodes
{
    /// <summary>
    /// The text as an SVG QR code (error correction M, the 4-module quiet zone included), one <c>rect</c> per run of dark
    /// modules of a row, in module units (<paramref name="sizeMillimetres"/> sets the printed size).
    /// </summary>
    public static string Svg(string text, int sizeMillimetres = 30)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {size} {size}\" width=\"{sizeMillimetres}mm\" height=\"{sizeMillimetres}mm\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>");
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }
                var start = x;
                while (x + 1 < size && row[x + 1])
                {
                    x++;
                }
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{start}\" y=\"{y}\" width=\"{x - start + 1}\" height=\"1\"/>");
            }
        }
        return svg.Append("</svg>").ToString();
    }
}
