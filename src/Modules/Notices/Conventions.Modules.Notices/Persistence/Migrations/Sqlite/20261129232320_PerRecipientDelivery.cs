using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PerRecipientDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "notice_recipients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "notice_recipients",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Recipients of notices delivered before delivery was per recipient were delivered with their notice.
            migrationBuilder.Sql("UPDATE notice_recipients SET DeliveredAt = (SELECT n.DeliveredAt FROM notices_notices n WHERE n.Id = notice_recipients.NoticeId) WHERE DeliveredAt IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "notice_recipients");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "notice_recipients");
        }
    }
}
