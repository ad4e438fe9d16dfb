"""The zoomable view of the current chart scene (`ChartView`: wheel and pinch zoom, a long press
asks which muscle, keys for the selected site) and the grasp legend's swatch; the panel around
them is `ui.chart_panel.ChartPanel`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsView, QLabel, QWidget

from imsmap.render.chart_painter import ChartPainter
from imsmap.ui.chart_key_text import (
    KEY_GAP_PX,
    KEY_MIN_WIDTH,
    ChartKeyLabel,
    key_off_chart,
    landmarks_off_chart,
)
from imsmap.ui.chart_keys import handle_site_key, is_tab
from imsmap.ui.chart_markers import MarkerItem
from imsmap.ui.chart_scene import ChartScene
from imsmap.ui.side_captions import SideCaptions
from imsmap.ui.touch import Hold, TwoFingers, by_finger, still_a_tap

MIN_ZOOM = 0.6  # relative to "fit the whole view"
MAX_ZOOM = 12.0
SEARCH_WIDTH = 260
HINT_LEAST_WIDTH = 160  # px beside the search box, or the chart's hint goes above it
FOCUS_RING_PX = 3  # the ring round the chart while it has the keys (see _paint_focus_ring)
LONG_PRESS_MS = 600  # a finger held still this long asks which muscle (as a right-click does)
TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                QEvent.Type.TouchCancel)
WHEEL_STEP = 1.0015  # per 1/8 degree of wheel turn: one notch (120) is about 20 %


class ChartView(QGraphicsView):
    """A QGraphicsView that zooms under the pointer (clamped) and turns keys into site edits."""

    gradeRequested = Signal(int)
    crampRequested = Signal()
    removeRequested = Signal()
    pressed = Signal()
    escaped = Signal()
    chooserRequested = Signal(QPoint)  # viewport point: a right-click or a long press
    missed = Signal(QPoint, bool)  # viewport point, by finger: a tap no muscle or marker took
    # Once, from the event loop right after the view's first paint: the window builds what the
    # first frame does not show then (issue 8). Watched here, not by an event filter on the
    # viewport: naming the viewport makes PySide6 create every QtWidgets type (milliseconds).
    firstPainted = Signal()
    zoomed = Signal()  # the chart's scale changed (a zoom, a fit)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A viewport made in Python, as Qt would make it: the first time Python meets a widget
        # Qt made, PySide6 looks for its class among every QtWidgets class, creating them all
        # (about 8 ms, on the way to the first paint: the viewport is passed to every paint).
        self.setViewport(QWidget())
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.TextAntialiasing |
                            QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # A fitted chart at the top: the room 'fit' leaves under a chart goes under the search
        # box at the bottom left (_fit_area)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._fit_mode = True
        self._painted = False
        self._focus_ring = False  # drawn while the keys came to the chart otherwise than by a tap
        # Set by the panel: acts on a site key (see handle_site_key), True if it did.
        self.site_keys = None
        # Set by the panel: Enter / L / R on a muscle found by name (ui.lit_muscle_keys).
        self.lit_keys = None
        self.corner_widget: QWidget | None = None  # kept at the bottom left of the chart
        # The room kept for it from the first paint on (it is made later, MainWindow's second
        # step): 'fit' keeps the chart from under it (_fit_area) without a jump when it comes.
        self.corner_room = QSize()
        self.corner_followers: list = []  # placed again after it (anything with place())
        # Kept over the side captions, which raise themselves as the chart scrolls (the muscle
        # chooser: in a 114 px chart, touch-sized at 960 x 540, a caption lay over a choice).
        self.over_captions: list[QWidget] = []
        # The chart's key in the window's font, beside the chart, where the drawing's would be
        # too small to read (made the first time a chart needs it)
        self.key_label: ChartKeyLabel | None = None
        self._press_at: QPoint | None = None
        self._press_on_nothing = False  # the press went to no item (a pan, or a miss)
        self._long_press = Hold(LONG_PRESS_MS, self)  # not misread under load (ui.touch.Hold)
        self._long_press.held.connect(self._held)
        # Two fingers pinch and pan (ui.touch); one finger's touches become Qt's mouse events.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.two_fingers = TwoFingers(self)
        # The patient's sides, in the window's font, kept in view at every zoom.
        self.side_captions = SideCaptions(self)

    # -- zoom -------------------------------------------------------------------------------
    def fit_scale(self) -> float:
        return self._scale_to_show(self._fit_area())

    def _scale_to_show(self, rect: QRectF, below: float = 0.0) -> float:
        """The scale at which `rect` fits the view, `below` pixels at its foot left free."""
        vp = self.viewport().size()
        if rect.isEmpty() or vp.isEmpty():
            return 1.0
        # fitInView keeps a 2-pixel margin on every side; count it the same way.
        return min(max(vp.width() - 4, 1) / rect.width(),
                   max(vp.height() - 4 - below, 1) / rect.height())

    def _fit_area(self) -> QRectF:
        """What 'fit' shows: the chart whole; and where the chart draws under the corner widget
        (the search box, over the bottom left corner) as fitted, the chart above it, with the
        widget's height below (the spinal chart's key was under the box)."""
        rect = self.sceneRect()
        scene, box = self.scene(), self.corner_room
        if self.corner_widget is not None:  # as it is (a larger font): never less than kept
            box = box.expandedTo(self.corner_widget.size())
        if not isinstance(scene, ChartScene) or box.isEmpty() or rect.isEmpty():
            return rect
        vp = self.viewport().size()
        k = self._scale_to_show(rect)
        # where the box is over the chart when the whole chart is fitted (top of the view,
        # centred across: the view's alignment)
        left = (vp.width() - rect.width() * k) / 2
        corner = QRectF(rect.x() + (8 - left) / k, rect.y() + (vp.height() - box.height() - 8) / k,
                        box.width() / k, box.height() / k)
        # (the key, written beside the chart at that scale, is not on the drawing)
        if not scene.chart.draws_in(corner, notes=not self.key_beside(k)):
            return rect
        room = box.height() + 12  # the box, its margin, a gap
        return rect.adjusted(0, 0, 0, room / self._scale_to_show(rect, below=room))

    def key_beside(self, scale: float) -> list[str]:
        """The chart's key when the view writes it beside the chart at `scale` (pixels a view
        unit): where the drawing's own would be too small to read (key_off_chart) and the chart,
        centred across the view, leaves room on its right; else none (the drawing letters it:
        zoomed in, a key beside would hide part of the chart)."""
        return self._beside(scale, key_off_chart)

    def landmarks_beside(self, scale: float) -> list[str]:
        """The spinal chart's landmarks' names when the view writes them under the key beside
        the chart (landmarks_off_chart), in the same room; else none."""
        return self._beside(scale, landmarks_off_chart)

    def _beside(self, scale: float, words: Callable[[ChartPainter, float], list[str]]
                ) -> list[str]:
        scene = self.scene()
        if not isinstance(scene, ChartScene):
            return []
        room = (self.viewport().width() - self.sceneRect().width() * scale) / 2 - 2 * KEY_GAP_PX
        return words(scene.chart, scale) if room >= KEY_MIN_WIDTH else []

    def zoom(self) -> float:
        """The current scale relative to 'fit'."""
        return self.transform().m11() / self.fit_scale()

    def fit(self) -> None:
        self._fit_mode = True
        if self.scene() is not None:
            self.fitInView(self._fit_area(), Qt.AspectRatioMode.KeepAspectRatio)
        self._scale_changed()

    def _scale_changed(self) -> None:
        self.zoomed.emit()
        self._place_captions()
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.fit_markers_to(self.transform().m11())
            # the chart's key: on the drawing, or beside it where the drawing's is too small
            lines = self.key_beside(self.transform().m11())
            names = self.landmarks_beside(self.transform().m11())
            scene.set_notes(not lines)
            if (lines or names) and self.key_label is None:
                style = scene.chart.style
                self.key_label = ChartKeyLabel(self, style.background, style.caption)
                self.corner_followers.append(self.key_label)
            if self.key_label is not None:
                self.key_label.set_lines(lines, names)
                if names and not self.viewport().geometry().contains(self.key_label.geometry()):
                    names = []  # no room for them under the key: the drawing names them
                    self.key_label.set_lines(lines)
            scene.set_landmark_names(not names)

    def zoom_by(self, factor: float, anchor_under_mouse: bool = True) -> None:
        current = self.zoom()
        target = min(max(current * factor, MIN_ZOOM), MAX_ZOOM)
        if abs(target - current) < 1e-6:
            return
        self._fit_mode = False
        if not anchor_under_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._scale_changed()

    def pinch_by(self, factor: float, before: QPointF, after: QPointF) -> None:
        """Two fingers: zoom by `factor` (clamped) about the chart point that was between them
        (`before`, viewport pixels) and keep it between them (`after`): a pinch and a pan."""
        under = self.mapToScene(before.toPoint())
        current = self.zoom()
        target = min(max(current * factor, MIN_ZOOM), MAX_ZOOM)
        self._fit_mode = False
        if abs(target - current) > 1e-6:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(target / current, target / current)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self._scale_changed()
        off = self.mapFromScene(under) - after.toPoint()
        for bar, by in ((self.horizontalScrollBar(), off.x()), (self.verticalScrollBar(), off.y())):
            bar.setValue(bar.value() + by)

    def show_rect(self, rect: QRectF, max_zoom: float = 4.0) -> None:
        """Zoom so that `rect` (scene units) fills about half the view, at most `max_zoom`
        times 'fit' and never less than 'fit', and centre it."""
        vp = self.viewport().size()
        if rect.isEmpty() or vp.isEmpty():
            return
        pixels = min(vp.width() / rect.width(), vp.height() / rect.height()) * 0.5
        target = min(max(pixels / self.fit_scale(), 1.0), max_zoom)
        self.zoom_by(target / self.zoom(), anchor_under_mouse=False)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt naming
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(WHEEL_STEP ** delta)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()
        else:  # the room beside the chart changed (its key: key_beside)
            self._scale_changed()
        self.place_corner_widget()

    def set_corner_widget(self, widget: QWidget) -> None:
        """`widget` kept over the chart's bottom left corner (in the room `corner_room` kept
        for it; a larger one: the chart fitted again)."""
        self.corner_widget = widget
        self.place_corner_widget()
        if self._fit_mode and self.corner_room.expandedTo(widget.size()) != self.corner_room:
            self.fit()

    def place_corner_widget(self) -> None:
        w = self.corner_widget
        if w is not None:
            w.move(8, max(0, self.viewport().height() - w.height() - 8))
        for follower in self.corner_followers:
            follower.place()
        self._place_captions()

    def _place_captions(self) -> None:
        self.side_captions.place()
        for widget in self.over_captions:
            if widget.isVisible():
                widget.raise_()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt naming
        super().scrollContentsBy(dx, dy)
        self._place_captions()  # at the chart's corners while they are in view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._fit_mode:
            self.fit()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._focus_ring and self.hasFocus():
            self._paint_focus_ring()
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.firstPainted.emit)  # once this paint is done

    def setScene(self, scene: ChartScene | None) -> None:  # noqa: N802
        keep = None if self._fit_mode else (self.zoom(), self.mapToScene(
            self.viewport().rect().center()))
        super().setScene(scene)
        # The scene's background (opaque: render.style) filled by the view, which fills it
        # whole pixels at a time (the scene's own fill is anti-aliased: a part-covered pixel at
        # the view's edge); the view then paints every pixel, and says so: Qt no longer fills
        # the viewport's background under it at every repaint (a zoom step, a tap, a hover).
        brush = scene.backgroundBrush() if scene is not None else QBrush()
        self.setBackgroundBrush(brush)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, brush.isOpaque())
        self.side_captions.follow(scene)
        # fit() (and a zoom step) say the new scale to the scene, its key and the captions
        # (_scale_changed): once, not again after them
        self.fit()
        if keep is not None:
            self._fit_mode = False
            self.zoom_by(keep[0], anchor_under_mouse=False)
            self.centerOn(keep[1])

    # -- keys and focus ---------------------------------------------------------------------
    # The chart has no frame: with the keys in it (Tab, Ctrl+F's Enter, a new session) nothing
    # showed where they went. A ring of the palette's highlight round the chart says so; a
    # tap or a click gives the chart the keys without it (the pointer shows where it acted).
    def _paint_focus_ring(self) -> None:
        p = QPainter(self.viewport())
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_RING_PX))
        half = FOCUS_RING_PX // 2
        p.drawRect(self.viewport().rect().adjusted(half, half, -half - 1, -half - 1))
        p.end()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._focus_ring = event.reason() != Qt.FocusReason.MouseFocusReason
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._focus_ring:
            self._focus_ring = False
            self.viewport().update()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.pressed.emit()
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.suppress_click = False
            scene.regions  # noqa: B018 - the muscles' items take the press (made if not yet)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_at = event.position().toPoint()
            self._long_press.start()
        super().mousePressEvent(event)
        self._press_on_nothing = (event.button() == Qt.MouseButton.LeftButton
                                  and isinstance(scene, ChartScene)
                                  and scene.mouseGrabberItem() is None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        scene = self.scene()
        if isinstance(scene, ChartScene) and not scene.regions_made:
            scene.regions  # noqa: B018 - hover needs the muscles' items
        if self._press_at is not None and not still_a_tap(
                QPointF(self._press_at), event.position(), event.source()):
            self._long_press.stop()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._long_press.stop()
        press, self._press_at = self._press_at, None
        on_nothing, self._press_on_nothing = self._press_on_nothing, False
        super().mouseReleaseEvent(event)
        scene = self.scene()
        at = event.position().toPoint()
        # A tap beside every muscle (bone, tendon, fascia, outside the body) adds nothing: say
        # so, rather than leave a clinician to wonder whether the tap was taken. Not after a
        # drag (a pan) nor a long press (the chooser says it).
        if on_nothing and press is not None and event.button() == Qt.MouseButton.LeftButton \
                and still_a_tap(QPointF(press), QPointF(at), event.source()) \
                and isinstance(scene, ChartScene) and not scene.suppress_click:
            self.missed.emit(at, by_finger(event.source()))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() in TOUCH_EVENTS and self.two_fingers.touch(event):  # type: ignore[arg-type]
            return True
        return super().viewportEvent(event)

    def cancel_press(self) -> None:
        """A second finger landed: what the first one began (a tap, a marker's drag, a pan, a
        long press) ends without being done: no site added, none moved, nothing said."""
        self._long_press.stop()
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.suppress_click = True  # the muscle under the first finger adds no site
            grabber = scene.mouseGrabberItem()
            if isinstance(grabber, MarkerItem):
                grabber.cancel_drag()
        at = self._press_at
        if at is not None:  # Qt's press has no release to come (the touches are ours now)
            release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(at),
                                  QPointF(self.viewport().mapToGlobal(at)),
                                  Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                                  Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(self.viewport(), release)

    def _held(self) -> None:
        """A long press: no site is added on release; the muscle chooser opens instead."""
        at = self._press_at
        if at is None:
            return
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.suppress_click = True
        self.chooserRequested.emit(at)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.chooserRequested.emit(event.pos())  # viewport coordinates: the viewport's event
        event.accept()

    def event(self, event: QEvent) -> bool:
        # Tab steps through the sites while there are any; otherwise it moves the focus on.
        if is_tab(event) and handle_site_key(event, self, self.site_keys):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.lit_keys is not None and self.lit_keys(event):
            return
        if handle_site_key(event, self, self.site_keys):
            return
        if event.key() == Qt.Key.Key_Escape and self.scene() is not None:
            self.escaped.emit()
            self.scene().clearSelection()
            return
        super().keyPressEvent(event)


class LegendSwatch(QWidget):
    """A marker swatch painted by the chart painter at the screen's own resolution (no pixmap:
    crisp at any scale), so the legend matches the chart: its fill, and the pips that tell an
    earlier visit's marker's grade (render.markers)."""

    def __init__(self, chart: ChartPainter, grasp: int | None, size: int = 18):
        super().__init__()
        self.chart = chart
        self.grasp = grasp
        self.setFixedSize(size, size)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = self.chart.style.marker_radius
        k = self.width() / (2 * r + 6)
        p.scale(k, k)
        # with its pips: how an earlier visit's marker, which has no number, says its grade
        self.chart.paint_marker(p, r + 3, r + 3, None, self.grasp, pips=True)
        p.end()


class ChartHint(QLabel):
    """The chart's passing sentence ("No muscle there.", where a muscle found by name is lit),
    over the chart's bottom right, beside the search box: under the chart, beside the grasp
    legend, a 1366-pixel screen left it no room in French. Hidden while empty; taps go through
    it to the chart; placed again whenever the view is (a ChartView corner follower)."""

    def __init__(self, view: ChartView):
        # the view's child, over its viewport, as the search box and the key: a child of the
        # viewport is scrolled with the zoomed chart (QWidget.scroll moves children)
        super().__init__(view)
        self.view = view
        self.setObjectName("chartHint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel#chartHint { background: rgba(255, 255, 255, 225);"
                           " color: #303030; border: 1px solid #c8c8c8; border-radius: 3px;"
                           " padding: 3px 6px; }")
        self.hide()
        view.corner_followers.append(self)
        # What else floats over the chart's foot, that the sentence must not lie under (the
        # muscle chooser's strip, docked there: `keep_clear_of`).
        self._clear_of: list[QWidget] = []

    def keep_clear_of(self, widget: QWidget) -> None:
        """Placed where `widget` (a sibling over the chart) is not while it shows, and placed
        again as it comes, goes, moves or grows. A finger's tap beside a muscle opens the
        chooser's strip docked above the search box and says why in the hint, which lay under
        the strip (at 960 px both above the search box; at 1366 px a strip wider than the box
        over the hint beside it)."""
        self._clear_of.append(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Move,
                            QEvent.Type.Resize) and watched in self._clear_of:
            self.place()
        return False

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))
        self.place()

    def place(self) -> None:
        if not self.text():
            return
        area = self.view.viewport().geometry()  # in the view, as the search box's
        corner = self.view.corner_widget
        left = corner.geometry().right() + 8 if corner is not None else area.left() + 8
        width = area.right() - left - 8
        bottom = area.bottom() - 8
        if corner is not None and width < HINT_LEAST_WIDTH:
            # No room beside the search box (a 960 px window gives the chart 286 px, and the
            # sentence ran past the chart's edge, cut): above it, the chart's width.
            left, width = area.left() + 8, area.width() - 16
            bottom = corner.geometry().top() - 6
        # its whole sentence, however many lines that takes, up to half the chart's height
        height = min(self.heightForWidth(width), area.height() // 2)
        rect = QRect(left, max(area.top(), bottom - height), width, height)
        for other in self._clear_of:
            if other.isVisible() and rect.intersects(other.geometry()):
                # above it, the chart's width; at the chart's top where it leaves no room
                width = area.width() - 16
                height = min(self.heightForWidth(width), area.height() // 2)
                top = other.geometry().top() - 6 - height
                rect = QRect(area.left() + 8, max(area.top() + 4, top), width, height)
        self.setGeometry(rect)
        self.raise_()
