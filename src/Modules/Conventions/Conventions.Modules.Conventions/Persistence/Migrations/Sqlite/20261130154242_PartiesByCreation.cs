using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PartiesByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_OperatorOrganizationId",
                table: "conventions_conventions");

            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_PartnerOrganizationId",
                table: "conventions_conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_OperatorOrganizationId_CreatedAt_Id",
                table: "conventions_conventions",
                columns: new[] { "OperatorOrganizationId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_PartnerOrganizationId_CreatedAt_Id",
                table: "conventions_conventions",
                columns: new[] { "PartnerOrganizationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_OperatorOrganizationId_CreatedAt_Id",
                table: "conventions_conventions");

            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_PartnerOrganizationId_CreatedAt_Id",
                table: "conventions_conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_OperatorOrganizationId",
                table: "conventions_conventions",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_PartnerOrganizationId",
                table: "conventions_conventions",
                column: "PartnerOrganizationId");
        }
    }
}
