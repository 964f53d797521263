using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PartyIndexesById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_OperatorOrganizationId_CreatedAt",
                table: "disputes_disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_PartnerOrganizationId_CreatedAt",
                table: "disputes_disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_OperatorOrganizationId_CreatedAt_Id",
                table: "disputes_disputes",
                columns: new[] { "OperatorOrganizationId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_PartnerOrganizationId_CreatedAt_Id",
                table: "disputes_disputes",
                columns: new[] { "PartnerOrganizationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_OperatorOrganizationId_CreatedAt_Id",
                table: "disputes_disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_PartnerOrganizationId_CreatedAt_Id",
                table: "disputes_disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_OperatorOrganizationId_CreatedAt",
                table: "disputes_disputes",
                columns: new[] { "OperatorOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_PartnerOrganizationId_CreatedAt",
                table: "disputes_disputes",
                columns: new[] { "PartnerOrganizationId", "CreatedAt" });
        }
    }
}
