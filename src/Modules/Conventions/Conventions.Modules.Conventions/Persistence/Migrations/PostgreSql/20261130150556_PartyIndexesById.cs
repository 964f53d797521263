using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PartyIndexesById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_OperatorOrganizationId_CreatedAt",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.DropIndex(
                name: "IX_conventions_PartnerOrganizationId_CreatedAt",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_OperatorOrganizationId_CreatedAt_Id",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "OperatorOrganizationId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_PartnerOrganizationId_CreatedAt_Id",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "PartnerOrganizationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_OperatorOrganizationId_CreatedAt_Id",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.DropIndex(
                name: "IX_conventions_PartnerOrganizationId_CreatedAt_Id",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_OperatorOrganizationId_CreatedAt",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "OperatorOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_PartnerOrganizationId_CreatedAt",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "PartnerOrganizationId", "CreatedAt" });
        }
    }
}
