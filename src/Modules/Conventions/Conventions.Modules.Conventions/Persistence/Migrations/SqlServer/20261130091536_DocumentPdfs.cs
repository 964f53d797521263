using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DocumentPdfs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_pdfs",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Original = table.Column<int>(type: "int", nullable: true),
                    HtmlSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PdfSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", maxLength: -1, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_pdfs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_document_pdfs_ConventionId_HtmlSha256",
                schema: "conventions",
                table: "document_pdfs",
                columns: new[] { "ConventionId", "HtmlSha256" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_pdfs",
                schema: "conventions");
        }
    }
}
