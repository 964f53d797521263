using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DisputesByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_CreatedAt_Id",
                table: "disputes_disputes",
                columns: new[] { "CreatedAt", "Id" });

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
                name: "IX_disputes_disputes_CreatedAt_Id",
                table: "disputes_disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_OperatorOrganizationId_CreatedAt_Id",
                table: "disputes_disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_PartnerOrganizationId_CreatedAt_Id",
                table: "disputes_disputes");
        }
    }
}
