using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DueIndexById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_NextDueOn",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_NextDueOn_Id",
                schema: "disputes",
                table: "disputes",
                columns: new[] { "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_NextDueOn_Id",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_NextDueOn",
                schema: "disputes",
                table: "disputes",
                column: "NextDueOn");
        }
    }
}
