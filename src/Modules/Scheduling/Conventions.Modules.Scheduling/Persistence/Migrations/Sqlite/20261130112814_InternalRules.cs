using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InternalRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduling_internal_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_internal_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_rules_acknowledgments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RulesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_rules_acknowledgments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_internal_rules_VenueId_Version",
                table: "scheduling_internal_rules",
                columns: new[] { "VenueId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_rules_acknowledgments_ConventionId_AcknowledgedAt",
                table: "scheduling_rules_acknowledgments",
                columns: new[] { "ConventionId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_rules_acknowledgments_RulesId_ConventionId",
                table: "scheduling_rules_acknowledgments",
                columns: new[] { "RulesId", "ConventionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduling_internal_rules");

            migrationBuilder.DropTable(
                name: "scheduling_rules_acknowledgments");
        }
    }
}
