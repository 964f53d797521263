using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class EcrieursWritings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticketing_writings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsentRecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModerationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ModeratedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_writings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_writings_OfferId_Status_PublishedAt",
                table: "ticketing_writings",
                columns: new[] { "OfferId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_writings_OrganizationId_SubmittedAt",
                table: "ticketing_writings",
                columns: new[] { "OrganizationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_writings_Status_PublishedAt",
                table: "ticketing_writings",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticketing_writings");
        }
    }
}
