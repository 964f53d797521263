using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class EcrieursWritings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "writings",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfferId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BookingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ConsentRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ModerationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_writings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_writings_OfferId_Status_PublishedAt",
                schema: "ticketing",
                table: "writings",
                columns: new[] { "OfferId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_writings_OrganizationId_SubmittedAt",
                schema: "ticketing",
                table: "writings",
                columns: new[] { "OrganizationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_writings_Status_PublishedAt",
                schema: "ticketing",
                table: "writings",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "writings",
                schema: "ticketing");
        }
    }
}
