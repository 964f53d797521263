using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class DisputesByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_disputes_CreatedAt_Id",
                schema: "disputes",
                table: "disputes",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_OperatorOrganizationId_CreatedAt_Id",
                schema: "disputes",
                table: "disputes",
                columns: new[] { "OperatorOrganizationId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_PartnerOrganizationId_CreatedAt_Id",
                schema: "disputes",
                table: "disputes",
                columns: new[] { "PartnerOrganizationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_CreatedAt_Id",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_OperatorOrganizationId_CreatedAt_Id",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropIndex(
                name: "IX_disputes_PartnerOrganizationId_CreatedAt_Id",
                schema: "disputes",
                table: "disputes");
        }
    }
}
