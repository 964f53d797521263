using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class InternalRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "internal_rules",
                schema: "scheduling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VenueId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: -1, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internal_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rules_acknowledgments",
                schema: "scheduling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RulesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VenueId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ConventionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClientAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rules_acknowledgments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_internal_rules_VenueId_Version",
                schema: "scheduling",
                table: "internal_rules",
                columns: new[] { "VenueId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rules_acknowledgments_ConventionId_AcknowledgedAt",
                schema: "scheduling",
                table: "rules_acknowledgments",
                columns: new[] { "ConventionId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_rules_acknowledgments_RulesId_ConventionId",
                schema: "scheduling",
                table: "rules_acknowledgments",
                columns: new[] { "RulesId", "ConventionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "internal_rules",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "rules_acknowledgments",
                schema: "scheduling");
        }
    }
}
