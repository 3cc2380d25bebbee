"""The 3×4 photo of a record: show it, attach one from a file with a crop, remove it.

Photos on party records are 3×4 cm portraits. Whatever the clerk picks (a scan, a phone
picture) is cropped to the 3:4 aspect, scaled to 300×400 pixels (3×4 cm at about 250 dpi,
enough to print on the card sheet) and stored as JPEG, so every photo is small and the
same shape. Reading and decoding the chosen file happen on the worker (a phone picture
is megabytes); QImage, unlike QPixmap, may be used off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.ui.context import UiContext, error_text

PHOTO_SIZE = QSize(300, 400)
JPEG_QUALITY = 88
#: The smallest crop, in source pixels: below it a "photo" is a thumbnail's worth of blur.
MIN_CROP_WIDTH = 60


def centre_crop_rect(size: QSize) -> QRect:
    """The largest 3:4 rectangle centred in an image of `size`."""
    width, height = size.width(), size.height()
    if width * 4 > height * 3:  # wider than 3:4: keep the height
        crop_w, crop_h = height * 3 // 4, height
    else:
        crop_w, crop_h = width, width * 4 // 3
    return QRect((width - crop_w) // 2, (height - crop_h) // 2, crop_w, crop_h)


def crop_to_3x4(image: QImage, rect: QRect | None = None) -> QImage:
    """`image` cut to `rect` (default: the centred 3:4 crop) and scaled to 300×400."""
    area = (rect or centre_crop_rect(image.size())).intersected(image.rect())
    cropped = image.copy(area)
    return cropped.scaled(
        PHOTO_SIZE,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def encode_jpeg(image: QImage, quality: int = JPEG_QUALITY) -> bytes:
    """The image as JPEG bytes (alpha flattened on white, as on paper)."""
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 wants the format as str at run time; its stubs say bytes.
    image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def read_image(path: str) -> QImage:
    """Read and decode an image file (runs on the worker); raises ValueError if unreadable."""
    image = QImage.fromData(Path(path).read_bytes())
    if image.isNull():
        raise ValueError(f"Không đọc được ảnh từ tệp «{Path(path).name}».")
    return image


class CropView(QWidget):
    """The picture with a 3:4 frame: drag the frame to move it, the wheel resizes it."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self._pixmap = QPixmap.fromImage(image)
        self.crop = QRectF(centre_crop_rect(image.size()))
        self._drag_from: QPointF | None = None
        self.setMinimumSize(360, 360)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def crop_rect(self) -> QRect:
        """The chosen area in image pixels."""
        return self.crop.toRect().intersected(self.image.rect())

    def _scale(self) -> tuple[float, QPointF]:
        """Display scale and offset of the image fitted into the widget."""
        width, height = self.image.width(), self.image.height()
        scale = min(self.width() / width, self.height() / height)
        offset = QPointF((self.width() - width * scale) / 2, (self.height() - height * scale) / 2)
        return scale, offset

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """The image, darkened outside the frame."""
        scale, offset = self._scale()
        painter = QPainter(self)
        target = QRectF(offset, self.image.size().toSizeF() * scale)
        painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        frame = QRectF(offset + self.crop.topLeft() * scale, self.crop.size() * scale)
        shade = QColor(0, 0, 0, 120)
        painter.fillRect(
            QRectF(target.left(), target.top(), target.width(), frame.top() - target.top()), shade
        )
        painter.fillRect(
            QRectF(target.left(), frame.bottom(), target.width(), target.bottom() - frame.bottom()),
            shade,
        )
        painter.fillRect(
            QRectF(target.left(), frame.top(), frame.left() - target.left(), frame.height()), shade
        )
        painter.fillRect(
            QRectF(frame.right(), frame.top(), target.right() - frame.right(), frame.height()),
            shade,
        )
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawRect(frame)
        painter.end()

    def _clamp(self) -> None:
        """Keep the frame 3:4, not too small, and inside the picture."""
        width, height = self.image.width(), self.image.height()
        centre = self.crop.center()
        crop_w = min(max(self.crop.width(), MIN_CROP_WIDTH), width, height * 3 / 4)
        self.crop.setSize(QSize(round(crop_w), round(crop_w * 4 / 3)).toSizeF())
        self.crop.moveCenter(centre)
        x = min(max(self.crop.x(), 0.0), width - self.crop.width())
        y = min(max(self.crop.y(), 0.0), height - self.crop.height())
        self.crop.moveTo(x, y)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start moving the frame."""
        self._drag_from = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Move the frame with the mouse."""
        if self._drag_from is None:
            return
        scale, _offset = self._scale()
        delta = (event.position() - self._drag_from) / scale
        self._drag_from = event.position()
        self.crop.translate(delta)
        self._clamp()
        self.update()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802
        """Stop moving the frame."""
        self._drag_from = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Zoom: a smaller frame takes a closer crop, around the frame's centre."""
        self.zoom(0.9 if event.angleDelta().y() > 0 else 1 / 0.9)

    def zoom(self, factor: float) -> None:
        """Resize the frame by `factor`, keeping its centre and the 3:4 aspect."""
        centre = self.crop.center()
        self.crop.setSize(self.crop.size() * factor)
        self.crop.moveCenter(centre)
        self._clamp()  # resizes about the centre, then pushes the frame back inside
        self.update()


class PhotoCropDialog(QDialog):
    """Choose the 3:4 part of a picture."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cắt ảnh 3×4"))
        layout = QVBoxLayout(self)
        self.view = CropView(image)
        layout.addWidget(self.view, 1)
        layout.addWidget(
            QLabel(self.tr("Kéo khung để chọn vùng ảnh; lăn chuột để phóng to hoặc thu nhỏ."))
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def cropped(self) -> QImage:
        """The chosen area as a 300×400 image."""
        return crop_to_3x4(self.view.image, self.view.crop_rect())


class PhotoBox(QWidget):
    """A 3×4 photo frame with "Chọn ảnh…" and "Bỏ ảnh" buttons.

    Changes stay in the box until the record is saved: `change()` says what to write.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._original: bytes | None = None
        self._current: bytes | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.frame = QLabel()
        self.frame.setFixedSize(120, 160)
        self.frame.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.frame.setWordWrap(True)
        self.frame.setStyleSheet("QLabel { border: 1px solid #999; background: #f4f4f4; }")
        layout.addWidget(self.frame, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Chọn ảnh…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Bỏ ảnh"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show()

    def set_photo(self, image: bytes | None) -> None:
        """Show the stored photo (not a change)."""
        self._original = self._current = image
        self._show()

    def photo(self) -> bytes | None:
        """The photo as it will be saved (JPEG), or None."""
        return self._current

    def change(self) -> tuple[str, bytes | None] | None:
        """("set", jpeg) or ("remove", None) when the photo changed; None otherwise."""
        if self._current == self._original:
            return None
        return ("set", self._current) if self._current is not None else ("remove", None)

    def mark_saved(self) -> None:
        """The current photo is now the stored one."""
        self._original = self._current

    def show_error(self, message: str) -> None:
        """Show a problem with the photo under the frame."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def choose(self) -> None:
        """Pick a picture file; it is read on the worker, then cropped."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn ảnh 3×4"),
            "",
            self.tr("Ảnh (*.jpg *.jpeg *.png *.bmp);;Mọi tệp (*)"),
        )
        if not path:
            return
        self.show_error("")
        self.ctx.run(
            lambda: read_image(path),
            self._crop,
            lambda error: self.show_error(
                str(error) if isinstance(error, ValueError | OSError) else error_text(error)
            ),
        )

    def _crop(self, image: QImage) -> None:
        dialog = PhotoCropDialog(image, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_image(dialog.cropped())

    def set_image(self, image: QImage) -> None:
        """Take an already cropped image as the new photo."""
        self._current = encode_jpeg(image)
        self._show()
        self.changed.emit()

    def remove(self) -> None:
        """Drop the photo (removed from the record on save)."""
        if self._current is None:
            return
        self._current = None
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self._current is not None and pixmap.loadFromData(self._current):
            self.frame.setPixmap(
                pixmap.scaled(
                    self.frame.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.frame.setPixmap(QPixmap())
            self.frame.setText(self.tr("Ảnh 3×4"))
        self.remove_button.setEnabled(self._current is not None)
