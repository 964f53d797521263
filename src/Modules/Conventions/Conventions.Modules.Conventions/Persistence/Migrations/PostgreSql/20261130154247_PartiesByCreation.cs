using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PartiesByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_OperatorOrganizationId",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.DropIndex(
                name: "IX_conventions_PartnerOrganizationId",
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
                name: "IX_conventions_OperatorOrganizationId",
                schema: "conventions",
                table: "conventions",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_PartnerOrganizationId",
                schema: "conventions",
                table: "conventions",
                column: "PartnerOrganizationId");
        }
    }
}
