using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DocumentPdfs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conventions_document_pdfs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Original = table.Column<int>(type: "INTEGER", nullable: true),
                    HtmlSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: -1, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_document_pdfs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_document_pdfs_ConventionId_HtmlSha256",
                table: "conventions_document_pdfs",
                columns: new[] { "ConventionId", "HtmlSha256" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conventions_document_pdfs");
        }
    }
}
