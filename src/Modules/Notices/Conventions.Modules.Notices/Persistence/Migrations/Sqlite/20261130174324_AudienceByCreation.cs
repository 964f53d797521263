using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AudienceByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notice_audience_OrganizationId",
                table: "notice_audience");

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "notice_audience",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Each organization's row of a notice takes the notice's creation instant.
            migrationBuilder.Sql(@"UPDATE ""notice_audience"" SET ""CreatedAt"" = (SELECT n.""CreatedAt"" FROM ""notices_notices"" AS n WHERE n.""Id"" = ""notice_audience"".""NoticeId"");");

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId_CreatedAt_NoticeId",
                table: "notice_audience",
                columns: new[] { "OrganizationId", "CreatedAt", "NoticeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notice_audience_OrganizationId_CreatedAt_NoticeId",
                table: "notice_audience");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "notice_audience");

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId",
                table: "notice_audience",
                column: "OrganizationId");
        }
    }
}
